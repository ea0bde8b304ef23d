// The emulator's products: the demo's light, plug and sensor with data templates in the shape
// of the official example (tencentcloud-iot-explorer-sdk-embedded-c tools/example_config.json:
// numeric limits as strings, enum keys as text, struct members under specs[].dataType), and a
// panel configuration each (AppGetProductsConfig's Config, as the Android app models it), and
// the two actions that read them (1081/48764; AppGetProductsConfig as the official apps send it).
import { invalid, missing } from './params.mjs';

const prop = (id, name, define, mode = 'rw') => ({ id, name, desc: '', required: false, mode, define });
const range = (min, max, unit = '', step = '1') => ({ type: 'int', min: String(min), max: String(max), start: String(min), step, unit });

const TEMPLATES = {
  LIGHT0PROD: {
    version: '1.0',
    profile: { ProductId: 'LIGHT0PROD', CategoryId: '3' },
    properties: [
      prop('power_switch', '电灯开关', { type: 'bool', mapping: { 0: '关', 1: '开' } }),
      prop('brightness', '亮度', range(0, 100, '%')),
      prop('color', '颜色', { type: 'enum', mapping: { 0: 'Red', 1: 'Green', 2: 'Blue' } }),
      prop('name', '灯位置名称', { type: 'string', min: '0', max: '64' }),
      prop('position', '灯位置坐标', {
        type: 'struct',
        specs: [
          { id: 'longitude', name: '经度', dataType: range(-180, 180, '度') },
          { id: 'latitude', name: '纬度', dataType: range(-90, 90, '度') },
        ],
      }),
    ],
    events: [
      { id: 'overheat', name: '过热', desc: '', type: 'alert', required: false, params: [{ id: 'temperature', name: '温度', define: { type: 'float', min: '0', max: '200', step: '0.1', start: '0', unit: '℃' } }] },
    ],
    actions: [
      { id: 'light_blink', name: '闪烁', desc: '', input: [{ id: 'time', name: 'time', define: range(0, 10, '秒') }], output: [{ id: 'err_code', name: 'code', define: { type: 'enum', mapping: { 0: 'ok', 1: 'failed' } } }], required: false },
    ],
  },
  PLUG00PROD: {
    version: '1.0',
    profile: { ProductId: 'PLUG00PROD', CategoryId: '1' },
    properties: [prop('power_switch', '开关', { type: 'bool', mapping: { 0: '关', 1: '开' } })],
    events: [],
    actions: [],
  },
  SENSORPROD: {
    version: '1.0',
    profile: { ProductId: 'SENSORPROD', CategoryId: '5' },
    properties: [
      prop('temperature', '温度', { type: 'float', min: '-40', max: '125', step: '0.1', start: '0', unit: '℃' }, 'r'),
      prop('humidity', '湿度', range(0, 100, '%'), 'r'),
    ],
    events: [],
    actions: [],
  },
  // A gateway and a product of sub-devices that reach the cloud through it.
  GATEWAYPROD: {
    version: '1.0',
    profile: { ProductId: 'GATEWAYPROD', CategoryId: '2' },
    properties: [prop('power_switch', '开关', { type: 'bool', mapping: { 0: '关', 1: '开' } })],
    events: [],
    actions: [],
  },
  DOORSNSPROD: {
    version: '1.0',
    profile: { ProductId: 'DOORSNSPROD', CategoryId: '5' },
    properties: [prop('contact', '门磁状态', { type: 'bool', mapping: { 0: '关', 1: '开' } }, 'r'), prop('battery', '电量', range(0, 100, '%'), 'r')],
    events: [],
    actions: [],
  },
  // A camera with cloud recordings (video.mjs).
  CAMERAPROD: {
    version: '1.0',
    profile: { ProductId: 'CAMERAPROD', CategoryId: '6' },
    properties: [prop('record_switch', '云存录制', { type: 'bool', mapping: { 0: '关', 1: '开' } })],
    events: [],
    actions: [],
  },
};

const NAMES = { LIGHT0PROD: '智能灯', PLUG00PROD: '智能插座', SENSORPROD: '温湿度传感器', GATEWAYPROD: '智能网关', DOORSNSPROD: '门磁传感器', CAMERAPROD: '摄像头' };

/** 0 a device, 1 a gateway, 2 a sub-device (as AppDeviceInfo's DeviceType; 1081/48130's example). */
export const deviceTypeOf = (ProductId) => (ProductId === 'GATEWAYPROD' ? 1 : ProductId === 'DOORSNSPROD' ? 2 : 0);

/** A product's ProductSecret, which dynamic signatures (AppSigGatewayBindDevice) are keyed with. */
export const productSecretOf = (ProductId) => `${ProductId}-secret-of-the-emulator`;

/** { ProductId, Name, Description, DataTemplate (JSON text), … } as AppGetProducts lists it. */
export function productOf(ProductId) {
  const template = TEMPLATES[ProductId];
  if (!template) return null;
  return { ProductId, Name: NAMES[ProductId], Description: '', State: '', DataTemplate: JSON.stringify(template), NetType: 'wifi', ProductType: 0, UpdateTime: 1700000000 };
}

/** { ProductId, Config (JSON text) } as AppGetProductsConfig lists it. */
export function panelConfigOf(ProductId) {
  const template = TEMPLATES[ProductId];
  if (!template) return null;
  const properties = template.properties.map((p, i) => ({ id: p.id, big: i === 0, ui: { type: i === 0 ? 'btn-big' : 'btn-col-1', icon: '' } }));
  const Config = { profile: { ProductId }, Panel: { type: 'standard', standard: { theme: 'simple', properties, navBar: { visible: true, templateId: 'timer' }, timingProject: true } } };
  return { ProductId, Config: JSON.stringify(Config) };
}

/** The initial property values of a new device of the product. */
export function initialProps(ProductId, at) {
  const template = TEMPLATES[ProductId];
  const props = {};
  for (const p of template ? template.properties : []) {
    const { type } = p.define;
    const Value = type === 'int' || type === 'float' ? Number(p.define.start || 0) : type === 'string' ? '' : type === 'struct' ? {} : 0;
    props[p.id] = { Value, LastUpdate: at };
  }
  return props;
}

/** The product's data template as an object (read, never changed), {} for an unknown product. */
export const templateOf = (ProductId) => TEMPLATES[ProductId] || {};

/** `name`: an array of strings (empty when optional and left out). */
function ids(body, name, { required }) {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw missing(name);
    return [];
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(`${name} 应为字符串数组`);
  return v;
}

// The catalog an app offers to add from (AppGetParentCategoryList, AppGetRecommList).
const CATEGORIES = [
  { CategoryId: 1, CategoryKey: 'Lighting', CategoryName: '照明', IconUrl: '', ListOrder: 1, products: ['LIGHT0PROD'] },
  { CategoryId: 2, CategoryKey: 'Electrical', CategoryName: '电工', IconUrl: '', ListOrder: 2, products: ['PLUG00PROD'] },
  { CategoryId: 3, CategoryKey: 'Sensors', CategoryName: '传感器', IconUrl: '', ListOrder: 3, products: ['SENSORPROD', 'DOORSNSPROD'] },
  { CategoryId: 4, CategoryKey: 'Gateways', CategoryName: '网关', IconUrl: '', ListOrder: 4, products: ['GATEWAYPROD'] },
  { CategoryId: 5, CategoryKey: 'Cameras', CategoryName: '摄像头', IconUrl: '', ListOrder: 5, products: ['CAMERAPROD'] },
];
const categoryView = ({ products, ...category }) => category;

export const productActions = {
  AppGetParentCategoryList: () => ({ List: CATEGORIES.map(categoryView) }),
  AppGetRecommList({ body }) {
    const key = body.CategoryKey;
    if (typeof key !== 'string' || !key) throw missing('CategoryKey');
    const category = CATEGORIES.find((c) => c.CategoryKey === key);
    const ProductList = (category ? category.products : []).map((ProductId, i) => ({ ProductId, ProductName: NAMES[ProductId], IconUrl: '', ListOrder: i + 1 }));
    // No sub-categories in the emulator's catalog.
    return { CategoryList: [], ProductList };
  },
  AppGetProducts({ body }) {
    const wanted = ids(body, 'ProductIds', { required: true });
    const fromDevices = ids(body, 'DeviceIds', { required: false }).map((id) => id.split('/')[0]);
    return { Products: [...new Set([...wanted, ...fromDevices])].map(productOf).filter(Boolean) };
  },
  AppGetProductsConfig({ body }) {
    return { Data: ids(body, 'ProductIds', { required: true }).map(panelConfigOf).filter(Boolean) };
  },
};
