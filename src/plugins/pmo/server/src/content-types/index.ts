/**
 * The plugin's content types. Engine-owned ones are hidden from the Content Manager and the
 * Content-Type Builder: people change them only through the plugin's routes.
 */
import transitionEvent from './transition-event.json';
import workflow from './workflow.json';
import workflowInstance from './workflow-instance.json';
import changeRequest from './change-request.json';

export default {
  workflow: { schema: workflow },
  'workflow-instance': { schema: workflowInstance },
  'transition-event': { schema: transitionEvent },
  'change-request': { schema: changeRequest },
};
