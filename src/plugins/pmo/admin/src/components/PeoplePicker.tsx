/** A person of the directory, or several, found by name or email as the user types (SearchPicker). */
import { SearchPicker, pickedPerson, type Picked, type PickerProps } from './SearchPicker';

export { pickedPerson, type Picked };

export const PeoplePicker = (props: PickerProps) => <SearchPicker {...props} type="person" />;
