import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { anonymousTrigger } from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

useMockFc();
const FN = '/api/functions/hello-world';

describe('versions and aliases', () => {
  it('publishes versions, points an alias at them and puts a trigger on the alias', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const v1 = await callApi(app, 'POST', `${FN}/versions`, { description: 'first' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ versionId: '1', description: 'first' });
    await callApi(app, 'POST', `${FN}/versions`, {});
    const versions = await callApi(app, 'GET', `${FN}/versions`);
    expect(versions.body.versions.map((v: { versionId: string }) => v.versionId)).toEqual(['2', '1']);

    const alias = await callApi(app, 'POST', `${FN}/aliases`, {
      aliasName: 'prod',
      versionId: '1',
      additionalVersionWeight: { '2': 0.1 },
    });
    expect(alias.status).toBe(201);
    expect(alias.body).toMatchObject({ aliasName: 'prod', versionId: '1', additionalVersionWeight: { '2': 0.1 } });

    const updated = await callApi(app, 'PUT', `${FN}/aliases/prod`, { versionId: '2', additionalVersionWeight: {} });
    expect(updated.body).toMatchObject({ aliasName: 'prod', versionId: '2' });
    expect((await callApi(app, 'GET', `${FN}/aliases`)).body.aliases).toEqual([updated.body]);

    const trigger = await callApi(app, 'POST', `${FN}/triggers`, { ...anonymousTrigger, qualifier: 'prod' });
    expect(trigger.body.qualifier).toBe('prod');

    const inUse = await callApi(app, 'DELETE', `${FN}/versions/2`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('ResourceInUse');
    expect((await callApi(app, 'DELETE', `${FN}/versions/1`)).status).toBe(204);
  });

  it('answers FC’s 404s for a version or alias that does not exist', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const alias = await callApi(app, 'POST', `${FN}/aliases`, { aliasName: 'prod', versionId: '7' });
    expect(alias.status).toBe(404);
    expect(alias.body.code).toBe('VersionNotFound');
    const missing = await callApi(app, 'GET', `${FN}/aliases/staging`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('AliasNotFound');
    const trigger = await callApi(app, 'POST', `${FN}/triggers`, { ...anonymousTrigger, qualifier: 'staging' });
    expect(trigger.body.code).toBe('AliasNotFound');
  });

  it('rejects a bad version id and alias input with field keys', async () => {
    const app = createTestBffApp();
    const version = await callApi(app, 'DELETE', `${FN}/versions/LATEST`);
    expect(version.status).toBe(400);
    expect(version.body.fields).toEqual({ versionId: 'qualifier.format' });
    const alias = await callApi(app, 'POST', `${FN}/aliases`, { aliasName: '', versionId: 'x' });
    expect(alias.body.fields).toMatchObject({ aliasName: 'name.required', versionId: 'qualifier.format' });
    for (const version of ['\ud800', 'LATEST', '0']) {
      const weighted = await callApi(app, 'PUT', `${FN}/aliases/prod`, { additionalVersionWeight: { [version]: 0.5 } });
      expect(weighted.status).toBe(400);
      expect(weighted.body).toMatchObject({
        code: 'InvalidArgument',
        fields: { additionalVersionWeight: 'qualifier.format' },
      });
    }
  });
});
