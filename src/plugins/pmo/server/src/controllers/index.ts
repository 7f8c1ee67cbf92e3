import workflow from '../workflow/controller';
import settings from './settings';

export default { settings, workflow };
