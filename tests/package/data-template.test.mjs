// Data templates: checkControlData on a template's text, its parsed JSON or parseDataTemplate's result; arrays.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';

test('templates: the parsed JSON of DataTemplate is checked as its text is; array properties are checked', () => {
  const text = JSON.stringify({
    properties: [
      { id: 'brightness', mode: 'rw', define: { type: 'int', min: '0', max: '100' } },
      { id: 'schedule', mode: 'rw', define: { type: 'array', arrayInfo: { type: 'int', min: '0', max: '23' } } },
    ],
    actions: [{ id: 'blink', input: [{ id: 'time', define: { type: 'int', min: '1', max: '10' } }] }],
  });
  for (const template of [text, JSON.parse(text), sdk.parseDataTemplate(text), JSON.parse(JSON.stringify(sdk.parseDataTemplate(text)))]) {
    assert.throws(() => sdk.checkControlData(template, { brightness: 1000 }), (e) => e.kind === 'InvalidInput' && e.param === 'brightness');
    assert.throws(() => sdk.checkControlData(template, { schedule: [1, 24] }), (e) => e.param === 'schedule' && /schedule\[1\] must be at most 23/.test(e.message));
    assert.throws(() => sdk.checkControlData(template, { schedule: 3 }), (e) => /must be an array/.test(e.message));
    sdk.checkControlData(template, { brightness: 10, schedule: [0, 23] });
    assert.throws(() => sdk.checkControlData(template, null), (e) => e.kind === 'InvalidInput' && e.param === 'Data');
  }
  assert.equal(sdk.parseDataTemplate(text).properties[1].element.max, 23);
});
