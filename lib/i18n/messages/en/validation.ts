import type fr from '../fr/validation';
import type { Shape } from '../shape';

/** Field messages: the zod schemas in lib/validation name these keys. */
const validation: Shape<typeof fr> = {
  validation: {
    required: 'This field is required.',
    too_long: '{max} characters at most: shorten this text.',
    email: 'Enter a valid email address, for example firstname.lastname@example.org.',
    password_length: 'The password must have at least 12 characters.',
    password_mismatch: 'The two passwords do not match.',
    role: 'Unknown role.',
    invalid: 'Invalid value.',
    number: 'Enter a number in digits (for example 84 or 48.8846).',
    dwellings_range: 'The number of dwellings must be a whole number from 1 to 100,000.',
    latitude_range: 'The latitude must be between -90 and 90 degrees.',
    longitude_range: 'The longitude must be between -180 and 180 degrees.',
    cameras_required: 'Add at least one camera.',
    purposes_required: 'Choose at least one purpose.',
    purpose_unknown: 'This purpose is not in the list of article L251-2 of the Code de la sécurité intérieure.',
    retention_range: 'The retention period must be a whole number of days, from 1 to 30.',
    retention_justification_required: 'Above 15 days, justify the retention period.',
    masking_required: 'This camera sees dwellings (interiors, windows, balconies, doors or entrances): privacy masking is required.',
    masking_description_required: 'Describe the planned masking.',
    signage_required: 'This field of the information sign is required.',
    integer: 'Enter a whole number.',
    too_many: '{max} items at most.',
    between: 'Enter a value from {min} to {max}.',
    site_required: 'Choose a housing site.',
    signage_retention_mismatch: 'The sign states {stated} days while images are kept {days} days: state the same period.',
    camera_too_far: 'This camera is {distance} m from the housing site: it must be less than {max} m away. Check its latitude and longitude.',
    confirm_conclude: 'Tick the box to confirm that you sign this diagnostic.',
    confirm_withdraw: 'Tick the box to confirm the withdrawal.',
    confirm_schedule: 'Tick the box to confirm putting the file on the committee’s agenda.',
    site_unavailable: 'This housing site does not exist or is archived: it can take no new proposal.',
    facts_required: 'Enter at least one line of recorded facts (even zero).',
    year_in_future: 'This year has not passed yet.',
    conditions_required: 'State the conditions of the opinion.',
    datetime: 'Enter a date and time, for example 03/12/2026 18:30.',
    date: 'Enter a valid date, for example 31/03/2027.',
    https_url: 'Enter a full web address starting with https://.',
    place_or_link: 'Give a place or a video-conference link.',
    vote_choice: 'Choose for, against or abstain.',
  },
};

export default validation;
