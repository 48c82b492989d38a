import type { DefaultFilterControlConfiguration, LabelOptions, RelativeDateTimeControlDisplayOptions } from '@aws-sdk/client-quicksight';
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
            DisplayOptions: { SelectAllOptions: { Visibility: 'VISIBLE' }, TitleOptions: TITLE },
            Type: 'MULTI_SELECT',
            ...(widget.values ? { SelectableValues: { Values: [...widget.values] } } : {}),
          },
        },
      };
    case 'text':
      return {
        ...base,
        ControlOptions: { DefaultTextFieldOptions: { DisplayOptions: { PlaceholderOptions: { Visibility: 'VISIBLE' }, TitleOptions: TITLE } } },
      };
    case 'date-range':
    case 'date':
      return {
        ...base,
        ControlOptions: {
          DefaultDateTimePickerOptions: {
            DisplayOptions: { DateTimeFormat: DATE_TIME_FORMAT, TitleOptions: TITLE },
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
            DisplayOptions: { InfoIconLabelOptions: { Visibility: 'HIDDEN' }, TitleOptions: TITLE },
            Type: 'RANGE',
            MinimumValue: widget.min,
            MaximumValue: widget.max,
            StepSize: widget.step,
          },
        },
      };
  }
}
