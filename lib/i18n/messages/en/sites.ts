import type fr from '../fr/sites';
import type { Shape } from '../shape';

/** The register of housing sites (administration). */
const sites: Shape<typeof fr> = {
  sites: {
    title: 'Social-housing sites',
    intro: 'The register of the sites where a camera may be proposed. An archived site keeps its history but can no longer receive new proposals.',
    listCaption: 'Sites in the register ({count})',
    empty: 'No site has been registered yet.',
    name: 'Name',
    address: 'Address',
    landlord: 'Social landlord',
    dwellings: 'Number of dwellings',
    dwellingsShort: 'Dwellings',
    latitude: 'Latitude',
    longitude: 'Longitude',
    latitudeHint: 'In decimal degrees, e.g. 48.8846',
    longitudeHint: 'In decimal degrees, e.g. 2.2384',
    status: 'Status',
    active: 'Active',
    archived: 'Archived',
    manage: 'Manage the site {name}',
    createTitle: 'Add a site',
    create: 'Add the site',
    created: 'The site “{name}” has been added to the register.',
    editTitle: 'Edit the site',
    saveChanges: 'Save the changes',
    updated: 'The changes have been saved.',
    unchanged: 'There was no change to save.',
    archiveTitle: 'Archiving',
    archiveHelp: 'An archived site keeps its history but can no longer receive new proposals.',
    archivedNotice: 'This site has been archived since {date}: it keeps its history but can no longer receive new proposals.',
    archive: 'Archive the site',
    restore: 'Restore the site',
    archivedDone: 'The site has been archived: it can no longer receive new proposals.',
    restored: 'The site has been restored: it can receive proposals again.',
    createdOn: 'Added to the register on',
    history: 'History',
    historyEmpty: 'No event.',
    backToList: 'Back to the register of sites',
    fieldNames: {
      name: 'name',
      address: 'address',
      landlord: 'social landlord',
      dwellings: 'number of dwellings',
      latitude: 'latitude',
      longitude: 'longitude',
    },
  },
};

export default sites;
