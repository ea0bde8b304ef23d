// Files a vendor sends to its devices (1081/67570-67572, 60590): an upload address (the emulator
// takes the PUT), the file registered, sent to a device or deleted there, looked up on it. A
// handler gets { body, user, world } and returns the response content, or throws an ApiError.
import { deviceOf } from './devices.mjs';
import { integer, invalid, text } from './params.mjs';

const MAX_FILE_BYTES = 64 << 20;

function fileOf(world, body) {
  const file = world.resources.get(text(body, 'ResourceName'));
  if (!file) throw invalid('文件不存在');
  return file;
}

export const resourceActions = {
  AppGetResourceUploadURL({ body, user, world }) {
    const ProductId = text(body, 'ProductId');
    const UserResourceName = text(body, 'UserResourceName');
    const FileSize = integer(body, 'FileSize', { min: 1 });
    if (FileSize > MAX_FILE_BYTES) throw invalid('FileSize 过大');
    // As the page's example names it: USER_<user>_RES_<name>.
    const ResourceName = `USER_${user.UserID}_RES_${UserResourceName}`;
    world.resources.set(ResourceName, { ResourceName, ProductId, UserResourceName, FileSize, ResourceVer: text(body, 'ResourceVer'), registered: false, uploaded: false });
    return { UploadUrl: `${world.publicUrl}/__resources/${encodeURIComponent(ResourceName)}`, ResourceName };
  },
  AppCreateProductResource({ body, user, world }) {
    const ResourceName = `USER_${user.UserID}_RES_${text(body, 'UserResourceName')}`;
    const file = world.resources.get(ResourceName);
    if (!file || file.ProductId !== text(body, 'ProductId')) throw invalid('文件未上传');
    const hash = text(body, 'FileHash');
    if (!/^[0-9a-f]{32}$/i.test(hash)) throw invalid('FileHash 应为 32 位十六进制');
    Object.assign(file, { FileSize: integer(body, 'FileSize', { min: 1 }), ResourceVer: text(body, 'ResourceVer'), FileHash: hash, registered: true });
    return { ResourceName };
  },
  AppControlDeviceResource(ctx) {
    const device = deviceOf(ctx);
    const file = fileOf(ctx.world, ctx.body);
    if (file.ProductId !== device.ProductId || !file.registered) throw invalid('文件不属于该产品或未登记');
    const method = text(ctx.body, 'Method');
    if (method !== 'update' && method !== 'delete') throw invalid('Method 只能为 update 或 delete');
    device.resources ??= new Map();
    const now = ctx.world.now();
    if (method === 'delete') device.resources.delete(file.ResourceName);
    else {
      const ResourceType = (file.UserResourceName.split('.').pop() || 'bin').slice(0, 8);
      const known = device.resources.get(file.ResourceName);
      device.resources.set(file.ResourceName, { ResourceName: file.ResourceName, ResourceType, ResourceVer: text(ctx.body, 'ResourceVer'), Status: 0, CreateTime: known?.CreateTime ?? now, UpdateTime: now });
    }
    return {};
  },
  AppDescribeDeviceResource(ctx) {
    const device = deviceOf(ctx);
    const on = device.resources?.get(text(ctx.body, 'ResourceName'));
    if (!on) throw invalid('设备上没有该文件');
    return { Resource: { ProductId: device.ProductId, DeviceName: device.DeviceName, ...on } };
  },
};

/** PUT /__resources/<name>: the upload to an address AppGetResourceUploadURL gave. True when it answered. */
export function serveUpload(world, req, res, path, size) {
  if (req.method !== 'PUT' || !path.startsWith('/__resources/')) return false;
  const file = world.resources.get(decodeURIComponent(path.slice('/__resources/'.length)));
  if (!file) return res.writeHead(404).end(), true;
  file.uploaded = size;
  res.writeHead(200).end();
  return true;
}
