/** The function page's note on the python3 that runs a Python function locally. */
export default {
  versionDiffers: 'Runs on Python {{local}} here; FC runs {{runtime}}.',
  missing: 'Python functions cannot run here: {{reason}}',
};
