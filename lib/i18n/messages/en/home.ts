import type fr from '../fr/home';
import type { Shape } from '../shape';

/** The public home page. */
const home: Shape<typeof fr> = {
  home: {
    heading: 'Video-surveillance ethics committee',
    lead: 'In Puteaux, no camera goes up on a social-housing site without a preliminary diagnostic of whether it is opportune, a review and vote by an ethics committee, then a public opinion anyone can read.',
    whyHeading: 'Why a committee?',
    whyText: 'The city’s local security contract committed it to create an ethics committee on the proper use of video surveillance. Available studies show mixed effects of cameras, clearer in car parks than in residential areas: each project must be justified, compared with other solutions (lighting, mediation, access control, layout changes) and proportionate.',
    stepsHeading: 'How a project is reviewed',
    steps: {
      proposal: 'A city technician files a proposal: location, field of view, purposes, how long images are kept.',
      diagnostic: 'The crime-prevention officer carries out a preliminary diagnostic: recorded facts, people consulted, alternatives, proportionality, privacy risks.',
      review: 'The ethics committee reviews the file, deliberates and votes.',
      decision: 'The reasoned opinion is published in a public register that is never edited: a correction is a new entry.',
    },
    rulesHeading: 'The safeguards',
    rules: {
      retention: 'Images are kept for 30 days at most; beyond 15 days a written justification is required.',
      privacy: 'No camera may show the inside of homes or their entrances: privacy masking is mandatory.',
      purposes: 'Each camera serves a purpose allowed by law (Internal Security Code, art. L251-2).',
    },
    staffHeading: 'City staff or committee member?',
    staffLink: 'Go to the staff area',
  },
};

export default home;
