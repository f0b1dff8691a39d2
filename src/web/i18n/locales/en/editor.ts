/** The Code tab's editor and Deploy. */
export default {
  binary: 'Binary file ({{size, number}} bytes), not editable.',
  loadingEditor: 'Loading the editor',
  modified: 'modified',
  language: {
    javascript: 'JavaScript',
    typescript: 'TypeScript',
    python: 'Python',
    json: 'JSON',
    yaml: 'YAML',
    plain: 'Plain text',
  },
  deploy: 'Deploy',
  deploying: 'Deploying',
  undeployed_one: 'Undeployed changes in {{count, number}} file',
  undeployed_other: 'Undeployed changes in {{count, number}} files',
  deployed: 'Deployed',
  deployFailed: 'The code could not be deployed',
  conflict: {
    title: 'Someone else deployed this function',
    reload: 'Reload',
    overwrite: 'Overwrite',
    reloadTitle: 'Discard your edits?',
    reloadMessage:
      'Reloading shows the code deployed by someone else. Your undeployed edits to the code of “{{name}}” are discarded.',
    reloadConfirm: 'Discard and reload',
  },
  leave: {
    title: 'Leave without deploying?',
    message: 'Your changes to the code of “{{name}}” are not deployed. If you leave, they are discarded.',
    confirm: 'Leave',
  },
};
