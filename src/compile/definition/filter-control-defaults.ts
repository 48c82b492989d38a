import type {
  DateTimePickerControlDisplayOptions,
  DefaultFilterControlConfiguration,
  DropDownControlDisplayOptions,
  LabelOptions,
  RelativeDateTimeControlDisplayOptions,
  SliderControlDisplayOptions,
  TextFieldControlDisplayOptions,
} from '@aws-sdk/client-quicksight';
import type { FilterWidget } from '../../language/index.ts';

/**
 * How the console shows a control, as it writes it into every definition it exports
 * (test/quicksight/corpus): the title visible at the medium size, date-times as `YYYY/MM/DD HH:mm:ss`.
 */
const TITLE: LabelOptions = { FontConfiguration: { FontSize: { Relative: 'MEDIUM' } }, Visibility: 'VISIBLE' };
const DATE_TIME_FORMAT = 'YYYY/MM/DD HH:mm:ss';

/** A relative-date control on one sheet (the corpus: all 3 such controls). */
export const RELATIVE_DATE_TIME_DISPLAY: RelativeDateTimeControlDisplayOptions = {
  DateTimeFormat: DATE_TIME_FORMAT,
  InfoIconLabelOptions: { Visibility: 'HIDDEN' },
  TitleOptions: TITLE,
};

/** A dropdown: `Select all` shown (the corpus: all 18 shared dropdowns and both dropdowns of one sheet). */
export const DROPDOWN_DISPLAY: DropDownControlDisplayOptions = { SelectAllOptions: { Visibility: 'VISIBLE' }, TitleOptions: TITLE };
const TEXT_FIELD_DISPLAY: TextFieldControlDisplayOptions = { PlaceholderOptions: { Visibility: 'VISIBLE' }, TitleOptions: TITLE };
const DATE_TIME_PICKER_DISPLAY: DateTimePickerControlDisplayOptions = { DateTimeFormat: DATE_TIME_FORMAT, TitleOptions: TITLE };
const SLIDER_DISPLAY: SliderControlDisplayOptions = { InfoIconLabelOptions: { Visibility: 'HIDDEN' }, TitleOptions: TITLE };

/**
 * The control a filter on several sheets shares among them (QuickSight's DefaultFilterControlConfiguration;
 * each sheet shows it as a FilterCrossSheetControl): its title, its widget's options, and the display
 * options the console writes for that widget. The corpus has all 22 such configurations with both a
 * Title and display options: dropdowns (18, `Select all` shown) and relative dates (2) exactly as here;
 * date pickers, text fields and sliders are not in it, and take the display options the console writes
 * on those controls of one sheet (date-time pickers: the format and the title; text fields: the
 * placeholder and the title; sliders: the title, the info icon hidden).
 */
export function defaultFilterControl(shared: { readonly title: string; readonly widget: FilterWidget }): DefaultFilterControlConfiguration {
  const widget = shared.widget;
  const base = { Title: shared.title };
  switch (widget.type) {
    case 'dropdown':
      return {
        ...base,
        ControlOptions: {
          DefaultDropdownOptions: {
            DisplayOptions: DROPDOWN_DISPLAY,
            Type: 'MULTI_SELECT',
            ...(widget.values ? { SelectableValues: { Values: [...widget.values] } } : {}),
          },
        },
      };
    case 'text':
      return {
        ...base,
        ControlOptions: { DefaultTextFieldOptions: { DisplayOptions: TEXT_FIELD_DISPLAY } },
      };
    case 'date-range':
    case 'date':
      return {
        ...base,
        ControlOptions: {
          DefaultDateTimePickerOptions: {
            DisplayOptions: DATE_TIME_PICKER_DISPLAY,
            Type: widget.type === 'date' ? 'SINGLE_VALUED' : 'DATE_RANGE',
          },
        },
      };
    case 'relative-dates':
      return { ...base, ControlOptions: { DefaultRelativeDateTimeOptions: { DisplayOptions: { DateTimeFormat: DATE_TIME_FORMAT, TitleOptions: TITLE } } } };
    case 'slider':
      return {
        ...base,
        ControlOptions: {
          DefaultSliderOptions: {
            DisplayOptions: SLIDER_DISPLAY,
            Type: 'RANGE',
            MinimumValue: widget.min,
            MaximumValue: widget.max,
            StepSize: widget.step,
          },
        },
      };
  }
}
