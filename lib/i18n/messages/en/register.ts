/** The public register: publishing (staff), the register's pages and filters (residents), and its refusals. */
const register = {
  register: {
    refusals: {
      not_signed: 'This opinion is not signed yet: sign it before publishing it.',
      not_publishable: 'This opinion cannot be published: the file has no concluded diagnostic or its review was adjourned.',
      revoked: 'This entry is a revocation: it can no longer be corrected.',
      already_corrected: 'This entry has already been corrected by {reference}: correct the latest one instead.',
    },
    filters: {
      invalid_site: 'This site does not exist: choose one from the list.',
      invalid_outcome: 'This outcome does not exist: choose one from the list.',
      invalid_year: 'The year must be a number between 2000 and 2100.',
      invalid_cursor: 'This page link is not valid: go back to the first page.',
      invalid_limit: 'The number of results per page must be a whole number between 1 and 500.',
    },
  },
};

export default register;
