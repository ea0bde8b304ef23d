//! What the push channel should do next. Inputs are the caller's wishes (subscribe, token,
//! pause), the socket's fate (opened, closed, a frame) and the time; outputs are commands for the
//! glue (connect, send, close, deliver an event) and the next time to call `tick`.

use super::events::PushEvent;
use super::frames::{heartbeat_frame, parse_frame, subscribe_frame, Incoming};
use crate::error::Error;
use crate::error_code::is_auth_expired_code;
use crate::sort::insertion_sort_by;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PushConfig {
    /// The official SDK sends a heartbeat every 50 s.
    pub heartbeat_ms: f64,
    /// A reply, or the socket's opening, that does not come in this time means the link is dead.
    pub reply_timeout_ms: f64,
    /// Reconnect after this, doubling per failure up to `reconnect_max_ms`.
    pub reconnect_min_ms: f64,
    pub reconnect_max_ms: f64,
}

impl Default for PushConfig {
    fn default() -> Self {
        PushConfig {
            heartbeat_ms: 50_000.0,
            reply_timeout_ms: 20_000.0,
            reconnect_min_ms: 2_000.0,
            reconnect_max_ms: 60_000.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Connect,
    Send(String),
    Close,
    Event(PushEvent),
    /// The server confirmed the subscription of these devices (those its request listed).
    Subscribed {
        devices: Vec<String>,
    },
    /// The server refused this access token: get a new one and call `set_token`.
    TokenRejected {
        token: String,
    },
    /// A reply reported an error that is not about the token; `devices`: those the refused
    /// subscription listed (empty for other requests).
    Failed {
        error: Error,
        devices: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Link {
    /// No socket, none wanted right now.
    Idle,
    /// A socket asked for; one that has not opened by `deadline` is given up.
    Connecting {
        deadline: f64,
    },
    Open,
    /// The socket dropped; reconnect at this time.
    Waiting {
        retry_at: f64,
    },
}

#[derive(Debug, Clone)]
struct Pending {
    id: String,
    deadline: f64,
    /// The devices a subscription listed; `None` for other requests.
    devices: Option<Vec<String>>,
    /// The token the request carried: the one a refusal is about.
    token: String,
}

#[derive(Debug, Clone)]
pub struct PushSession {
    config: PushConfig,
    link: Link,
    paused: bool,
    token: Option<String>,
    /// Sorted, without duplicates (a Vec: a BTreeSet costs 10 KB of wasm here).
    devices: Vec<String>,
    next_id: u64,
    /// Requests awaiting a reply.
    pending: Vec<Pending>,
    heartbeat_at: Option<f64>,
    failures: u32,
}

impl PushSession {
    pub fn new(config: PushConfig) -> Self {
        PushSession {
            config,
            link: Link::Idle,
            paused: false,
            token: None,
            devices: Vec::new(),
            next_id: 0,
            pending: Vec::new(),
            heartbeat_at: None,
            failures: 0,
        }
    }

    pub fn devices(&self) -> impl Iterator<Item = &str> {
        self.devices.iter().map(String::as_str)
    }

    fn wanted(&self) -> bool {
        !self.paused && self.token.is_some() && !self.devices.is_empty()
    }

    pub fn set_token(&mut self, token: String, now: f64) -> Vec<Command> {
        self.token = Some(token);
        self.refresh(now)
    }

    pub fn subscribe(&mut self, ids: &[String], now: f64) -> Vec<Command> {
        self.devices.extend(ids.iter().cloned());
        insertion_sort_by(&mut self.devices, |a, b| a > b);
        self.devices.dedup();
        self.refresh(now)
    }

    pub fn unsubscribe(&mut self, ids: &[String], now: f64) -> Vec<Command> {
        self.devices.retain(|d| !ids.contains(d));
        self.refresh(now)
    }

    /// The app went to the background: close the socket until `resume`.
    pub fn pause(&mut self, now: f64) -> Vec<Command> {
        self.paused = true;
        self.refresh(now)
    }

    pub fn resume(&mut self, now: f64) -> Vec<Command> {
        self.paused = false;
        self.failures = 0;
        self.refresh(now)
    }

    /// Brings the link in line with what is wanted: connect, (re)subscribe, or close.
    fn refresh(&mut self, now: f64) -> Vec<Command> {
        match (self.wanted(), self.link) {
            (true, Link::Idle) => {
                self.link = Link::Connecting {
                    deadline: now + self.config.reply_timeout_ms,
                };
                vec![Command::Connect]
            }
            (true, Link::Open) => self.send_subscribe(now).into_iter().collect(),
            (false, Link::Open | Link::Connecting { .. }) => {
                self.reset(Link::Idle);
                vec![Command::Close]
            }
            (false, Link::Waiting { .. }) => {
                self.reset(Link::Idle);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn reset(&mut self, link: Link) {
        self.link = link;
        self.pending.clear();
        self.heartbeat_at = None;
    }

    fn request_id(&mut self) -> String {
        self.next_id = self.next_id.wrapping_add(1);
        format!("push-{}", self.next_id)
    }

    /// Registers a request awaiting its reply; returns its id.
    fn expect_reply(&mut self, now: f64, devices: Option<Vec<String>>, token: String) -> String {
        let id = self.request_id();
        self.pending.push(Pending {
            id: id.clone(),
            deadline: now + self.config.reply_timeout_ms,
            devices,
            token,
        });
        id
    }

    fn send_subscribe(&mut self, now: f64) -> Option<Command> {
        let token = self.token.clone()?;
        let id = self.expect_reply(now, Some(self.devices.clone()), token.clone());
        Some(Command::Send(subscribe_frame(&id, &self.devices, &token)))
    }

    pub fn opened(&mut self, now: f64) -> Vec<Command> {
        if !matches!(self.link, Link::Connecting { .. }) {
            return vec![Command::Close]; // a socket nobody wants any more
        }
        // Not a success yet: a server that accepts sockets and drops them at once must still
        // see the backoff grow. Only a reply (`received`) resets it.
        self.link = Link::Open;
        self.heartbeat_at = Some(now + self.config.heartbeat_ms);
        self.refresh(now)
    }

    /// The socket closed or failed (not at our request): reconnect later if still wanted.
    pub fn closed(&mut self, now: f64) -> Vec<Command> {
        if self.link == Link::Idle {
            return Vec::new();
        }
        let delay = (self.config.reconnect_min_ms * 2f64.powi(self.failures.min(16) as i32))
            .min(self.config.reconnect_max_ms);
        self.failures = self.failures.saturating_add(1);
        self.reset(Link::Waiting {
            retry_at: now + delay,
        });
        Vec::new()
    }

    pub fn received(&mut self, text: &str, _now: f64) -> Vec<Command> {
        match parse_frame(text) {
            Incoming::Push(event) => vec![Command::Event(event)],
            Incoming::Reply { req_id, result } => {
                let at = self.pending.iter().position(|p| p.id == req_id);
                let request = at.map(|at| self.pending.remove(at));
                if request.is_some() && result.is_ok() {
                    self.failures = 0; // the server answered us: the link really works
                }
                let (devices, token) = match request {
                    Some(p) => (p.devices, Some(p.token)),
                    None => (None, None),
                };
                match (result, devices) {
                    (Ok(()), Some(devices)) => vec![Command::Subscribed { devices }],
                    (Ok(()), None) => Vec::new(),
                    (Err(e), _) if e.code.as_deref().is_some_and(is_auth_expired_code) => {
                        // A reply to no request we know of is about the token in use.
                        let token = token.or_else(|| self.token.clone());
                        token
                            .map(|token| Command::TokenRejected { token })
                            .into_iter()
                            .collect()
                    }
                    (Err(error), devices) => vec![Command::Failed {
                        error,
                        devices: devices.unwrap_or_default(),
                    }],
                }
            }
        }
    }

    pub fn tick(&mut self, now: f64) -> Vec<Command> {
        match self.link {
            Link::Waiting { retry_at } if now >= retry_at => {
                self.link = Link::Idle;
                self.refresh(now)
            }
            Link::Connecting { deadline } if now >= deadline => {
                // The socket never opened (nor failed): give it up and retry as after a drop.
                self.closed(now);
                vec![Command::Close]
            }
            Link::Open if self.pending.iter().any(|p| now >= p.deadline) => {
                // No reply in time: the link is dead even if the socket has not noticed.
                self.closed(now);
                vec![Command::Close]
            }
            Link::Open if self.heartbeat_at.is_some_and(|at| now >= at) => {
                self.heartbeat_at = Some(now + self.config.heartbeat_ms);
                let Some(token) = self.token.clone() else {
                    return Vec::new();
                };
                let id = self.expect_reply(now, None, token.clone());
                vec![Command::Send(heartbeat_frame(&id, &self.devices, &token))]
            }
            _ => Vec::new(),
        }
    }

    /// When `tick` next has something to do.
    pub fn next_wakeup(&self) -> Option<f64> {
        let retry = match self.link {
            Link::Waiting { retry_at } => Some(retry_at),
            Link::Connecting { deadline } => Some(deadline),
            _ => None,
        };
        let deadline = self.pending.iter().map(|p| p.deadline).reduce(f64::min);
        [retry, deadline, self.heartbeat_at]
            .into_iter()
            .flatten()
            .reduce(f64::min)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn sent(commands: &[Command]) -> Vec<&str> {
        commands
            .iter()
            .filter_map(|c| match c {
                Command::Send(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn open_session() -> PushSession {
        let mut s = PushSession::new(PushConfig::default());
        assert_eq!(s.subscribe(&ids(&["P/a"]), 0.0), vec![]); // no token yet
        assert_eq!(s.set_token("tok".into(), 0.0), vec![Command::Connect]);
        let on_open = s.opened(10.0);
        assert_eq!(sent(&on_open).len(), 1);
        assert!(sent(&on_open)[0].contains("\"ActivePush\""));
        let ack = s.received(
            r#"{"reqId":"push-1","error":"","error_message":"","data":{}}"#,
            20.0,
        );
        assert_eq!(
            ack,
            vec![Command::Subscribed {
                devices: ids(&["P/a"])
            }]
        );
        s
    }

    #[test]
    fn heartbeats_on_schedule() {
        let mut s = open_session();
        assert_eq!(s.next_wakeup(), Some(50_010.0));
        assert!(s.tick(50_009.0).is_empty());
        let beat = s.tick(50_010.0);
        assert!(sent(&beat)[0].contains("AppDeviceTraceHeartBeat"));
        s.received(r#"{"reqId":"push-2","error":"","error_message":"","data":{"Response":{"RequestId":"push-2"}}}"#, 50_100.0);
        assert_eq!(s.next_wakeup(), Some(100_010.0));
        assert!(sent(&s.tick(100_010.0))[0].contains("\"reqId\":\"push-3\""));
    }

    #[test]
    fn reconnects_with_backoff_and_resubscribes_everything() {
        let mut s = open_session();
        s.subscribe(&ids(&["P/b"]), 30.0);
        assert!(s.closed(1_000.0).is_empty());
        assert_eq!(s.next_wakeup(), Some(3_000.0));
        assert!(s.tick(2_999.0).is_empty());
        assert_eq!(s.tick(3_000.0), vec![Command::Connect]);
        assert!(s.closed(3_100.0).is_empty()); // failed again: the delay doubles
        assert_eq!(s.next_wakeup(), Some(7_100.0));
        assert_eq!(s.tick(7_100.0), vec![Command::Connect]);
        let frames = s.opened(7_200.0);
        assert!(sent(&frames)[0].contains(r#""DeviceIds":["P/a","P/b"]"#));
    }

    #[test]
    fn a_server_that_drops_every_socket_sees_the_backoff_grow() {
        let mut s = PushSession::new(PushConfig::default());
        s.subscribe(&ids(&["P/a"]), 0.0);
        let mut connects = vec![];
        let mut now = 0.0;
        let mut commands = s.set_token("tok".into(), now);
        while now < 15.0 * 60_000.0 {
            if commands.contains(&Command::Connect) {
                connects.push(now);
                s.opened(now + 5.0); // accepted…
                s.closed(now + 10.0); // …and dropped at once
            }
            now = s.next_wakeup().expect("reconnects");
            commands = s.tick(now);
        }
        let last_five_minutes = connects.iter().filter(|&&t| t >= 10.0 * 60_000.0).count();
        assert!(
            last_five_minutes <= 5,
            "{last_five_minutes} connections in 5 minutes"
        );
        assert!(
            connects.len() < 25,
            "{} connections in 15 minutes",
            connects.len()
        );
    }

    #[test]
    fn a_confirmed_subscription_resets_the_backoff() {
        let mut s = open_session();
        for at in [1_000.0, 4_000.0] {
            s.closed(at);
            let retry = s.next_wakeup().unwrap();
            assert_eq!(s.tick(retry), vec![Command::Connect]);
            s.opened(retry + 1.0);
        }
        s.closed(20_000.0);
        assert_eq!(
            s.next_wakeup(),
            Some(28_000.0),
            "still backing off: 2 s, 4 s, 8 s"
        );
        s.tick(28_000.0);
        s.opened(28_001.0); // sends push-4
        s.received(
            r#"{"reqId":"push-4","error":"","error_message":"","data":{}}"#,
            28_002.0,
        );
        s.closed(30_000.0);
        assert_eq!(
            s.next_wakeup(),
            Some(32_000.0),
            "back to 2 s once the server answered"
        );
    }

    #[test]
    fn a_missing_reply_kills_the_link() {
        let mut s = open_session();
        s.subscribe(&ids(&["P/c"]), 100.0); // resubscribe; never answered
        assert_eq!(s.tick(20_100.0), vec![Command::Close]);
        assert!(matches!(s.next_wakeup(), Some(t) if t > 20_100.0));
    }

    #[test]
    fn pause_closes_and_resume_reconnects() {
        let mut s = open_session();
        assert_eq!(s.pause(500.0), vec![Command::Close]);
        assert!(s.closed(510.0).is_empty(), "our own close is not a failure");
        assert_eq!(s.next_wakeup(), None);
        assert_eq!(s.resume(900.0), vec![Command::Connect]);
    }

    #[test]
    fn token_rejection_and_other_errors() {
        let mut s = open_session();
        let reply = r#"{"reqId":"x","error":"","error_message":"","data":{"Response":{"Error":{"Code":"InvalidParameterValue.InvalidAccessToken","Message":"m"},"RequestId":"x"}}}"#;
        assert_eq!(
            s.received(reply, 1.0),
            vec![Command::TokenRejected {
                token: "tok".into()
            }]
        );
        let sent_again = s.set_token("tok2".into(), 2.0);
        assert!(sent(&sent_again)[0].contains("\"AccessToken\":\"tok2\""));
        let failed = s.received(
            r#"{"reqId":"y","error":"-1","error_message":"后台连接出错","data":{}}"#,
            3.0,
        );
        assert!(matches!(
            &failed[..],
            [Command::Failed { error, devices }] if error.message == "后台连接出错" && devices.is_empty()
        ));
    }

    #[test]
    fn a_socket_that_never_opens_is_given_up_and_retried() {
        let mut s = PushSession::new(PushConfig::default());
        s.subscribe(&ids(&["P/a"]), 0.0);
        assert_eq!(s.set_token("tok".into(), 0.0), vec![Command::Connect]);
        assert_eq!(s.next_wakeup(), Some(20_000.0));
        assert!(s.tick(19_999.0).is_empty());
        assert_eq!(s.tick(20_000.0), vec![Command::Close]);
        assert_eq!(s.next_wakeup(), Some(22_000.0));
        assert_eq!(s.tick(22_000.0), vec![Command::Connect]);
        assert!(
            !sent(&s.opened(22_100.0)).is_empty(),
            "subscribes once open"
        );
    }

    #[test]
    fn a_refusal_names_the_token_its_request_carried() {
        let mut s = PushSession::new(PushConfig::default());
        s.subscribe(&ids(&["P/a"]), 0.0);
        s.set_token("old".into(), 0.0);
        assert_eq!(sent(&s.opened(1.0)).len(), 1); // push-1 carries "old"
        assert_eq!(sent(&s.set_token("new".into(), 2.0)).len(), 1); // push-2 carries "new"
        let refused = r#"{"reqId":"push-1","error":"","error_message":"","data":{"Response":{"Error":{"Code":"InvalidParameterValue.InvalidAccessToken","Message":"m"},"RequestId":"x"}}}"#;
        assert_eq!(
            s.received(refused, 3.0),
            vec![Command::TokenRejected {
                token: "old".into()
            }]
        );
    }

    #[test]
    fn a_refused_subscription_says_so() {
        let mut s = open_session();
        assert_eq!(sent(&s.subscribe(&ids(&["Q/x"]), 30.0)).len(), 1); // push-2
        let refused = s.received(
            r#"{"reqId":"push-2","error":"","error_message":"","data":{"Response":{"Error":{"Code":"APPNoPermissionToStudioProduct","Message":"no"},"RequestId":"push-2"}}}"#,
            40.0,
        );
        assert!(matches!(
            &refused[..],
            [Command::Failed { error, devices }]
                if devices == &ids(&["P/a", "Q/x"])
                    && error.code.as_deref() == Some("APPNoPermissionToStudioProduct")
        ));
    }

    #[test]
    fn unsubscribing_everything_closes() {
        let mut s = open_session();
        assert_eq!(s.unsubscribe(&ids(&["P/a"]), 5.0), vec![Command::Close]);
        assert_eq!(s.devices().count(), 0);
        assert!(s.closed(6.0).is_empty());
        assert_eq!(s.subscribe(&ids(&["P/z"]), 7.0), vec![Command::Connect]);
    }
}
