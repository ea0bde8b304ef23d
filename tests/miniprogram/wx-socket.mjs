// wx.connectSocket as WeChat shapes it: a SocketTask whose onOpen/onMessage/onClose/onError take
// callbacks (called later, never synchronously), send({data}) and close({}); plus the app
// lifecycle (wx.onAppHide / wx.onAppShow) with hide()/show() to drive it. The host's `ws`
// client does the real I/O. refuseNext() makes the next connectSocket fail as WeChat fails a
// URL outside the domain list: through `fail` only, the task's callbacks never called.
import WebSocket from 'ws';

export function createWxSocket() {
  const sockets = [];
  const lifecycle = { hide: [], show: [] };
  const refusals = { pending: 0, made: 0 };

  function connectSocket({ url, fail }) {
    if (refusals.pending > 0) {
      refusals.pending--;
      refusals.made++;
      setTimeout(() => fail && fail({ errMsg: 'connectSocket:fail url not in domain list' }), 0);
      const ignore = () => {};
      return { onOpen: ignore, onMessage: ignore, onClose: ignore, onError: ignore, send: ignore, close: ignore };
    }
    const handlers = { open: [], message: [], close: [], error: [] };
    const emit = (kind, payload) => setTimeout(() => handlers[kind].forEach((fn) => fn(payload)), 0);
    const ws = new WebSocket(url);
    const record = { url, sent: [], closed: false };
    sockets.push(record);
    ws.on('open', () => emit('open', {}));
    ws.on('message', (data) => emit('message', { data: String(data) }));
    ws.on('close', (code, reason) => {
      record.closed = true;
      emit('close', { code, reason: String(reason) });
    });
    ws.on('error', (e) => emit('error', { errMsg: `connectSocket:fail ${e.message}` }));
    return {
      onOpen: (fn) => handlers.open.push(fn),
      onMessage: (fn) => handlers.message.push(fn),
      onClose: (fn) => handlers.close.push(fn),
      onError: (fn) => handlers.error.push(fn),
      send: ({ data, success, fail }) => {
        if (ws.readyState !== WebSocket.OPEN) return setTimeout(() => fail && fail({ errMsg: 'sendSocketMessage:fail' }), 0);
        record.sent.push(data);
        ws.send(data);
        setTimeout(() => success && success({ errMsg: 'sendSocketMessage:ok' }), 0);
      },
      close: () => ws.close(),
    };
  }

  return {
    api: {
      connectSocket,
      onAppHide: (fn) => lifecycle.hide.push(fn),
      onAppShow: (fn) => lifecycle.show.push(fn),
    },
    sockets,
    refusals,
    refuseNext: () => refusals.pending++,
    hide: () => lifecycle.hide.forEach((fn) => fn()),
    show: () => lifecycle.show.forEach((fn) => fn({})),
  };
}
