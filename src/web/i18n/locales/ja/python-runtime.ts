/** The function page's note on the python3 that runs a Python function locally. */
export default {
  versionDiffers: 'ここでは Python {{local}} で実行されます。FC では {{runtime}} で実行されます。',
  missing: 'ここでは Python 関数を実行できません: {{reason}}',
};
