import type { NodeKind, Relation, Side } from '../../lib/domain/types';

/**
 * The demo debate: Turchenko (The Moscow Times, 2023) against Strakes (BESA
 * Center, 2020) on Russia, the CSTO and Nagorno-Karabakh. Every claim drawn
 * from an article quotes it exactly (`quote` must occur once in the cleaned
 * text); edges join them where the two authors meet head-on: what Article 4
 * obliges, whether Armenia asked for help, the NATO Article 5 comparison,
 * Russia's arms sales, and what the CSTO has been for since 2002.
 */

export { DEMO_MAP_SLUG } from '../../lib/domain/demo-map';

export type DemoSourceKey = 'turchenko' | 'strakes';

export const DEMO_SOURCES: Record<
  DemoSourceKey,
  {
    file: string;
    title: string;
    author: string;
    publisher: string;
    publishedOn: string;
    url: string | null;
    side: Side;
  }
> = {
  turchenko: {
    file: 'turchenko-2023.txt',
    title: 'Nagorno-Karabakh Shows Russia Has No Credibility as a Regional Peacekeeper',
    author: 'Mikhail Turchenko',
    publisher: 'The Moscow Times (opinion)',
    publishedOn: '2023-09-21',
    url: 'https://www.themoscowtimes.com/2023/09/21/nagorno-karabakh-shows-russia-has-no-credibility-as-a-regional-peacekeeper-a82531',
    side: 'AGAINST',
  },
  strakes: {
    file: 'strakes-2020.txt',
    title: 'Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception?',
    author: 'Jason E. Strakes',
    publisher: 'BESA Center Perspectives Paper No. 1,798',
    publishedOn: '2020-11-04',
    url: null,
    side: 'FOR',
  },
};

export const DEMO_MAP = {
  title: 'Russia, the CSTO and Nagorno-Karabakh',
  motion: 'Is Russia a credible security guarantor in the South Caucasus?',
  description:
    'Two articles that disagree: Mikhail Turchenko argues that Russia and the CSTO failed Armenia and lost their credibility as peacekeepers; ' +
    'Jason E. Strakes argues that fears of CSTO intervention misread what the CSTO is — a cooperative-security body, not a NATO-style alliance.',
};

export const DEMO_TEAMS: { name: string; color: string; side: Side }[] = [
  { name: 'Team Turchenko', color: '#c2410c', side: 'AGAINST' },
  { name: 'Team Strakes', color: '#1d4ed8', side: 'FOR' },
];

export type DemoNode = {
  key: string;
  kind: NodeKind;
  text: string;
  source?: DemoSourceKey;
  quote?: string;
};

export const DEMO_NODES: DemoNode[] = [
  {
    key: 'motion',
    kind: 'QUESTION',
    text: 'Is Russia a credible security guarantor in the South Caucasus?',
  },

  // ── Turchenko ──
  {
    key: 't-credibility',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "Russia has lost its credibility as a regional peacekeeper in Armenia's eyes.",
    quote:
      "By now, it's crystal clear that Russia has lost its credibility as a regional peacekeeper in Yerevan's eyes.",
  },
  {
    key: 't-appealed-2020',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'In the 2020 war Armenia, as a CSTO member, appealed to the alliance for military assistance.',
    quote:
      'Back then, Armenia, as a member of the Russia-led Collective Security Treaty Organization (CSTO), appealed for military assistance from the alliance.',
  },
  {
    key: 't-no-attempt',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'In 2023 Armenia did not even try to ask the CSTO for help.',
    quote: 'Now the Armenian authorities have not even made such an attempt.',
  },
  {
    key: 't-recognizes',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'Moscow recognises Nagorno-Karabakh as part of Azerbaijan, so it would refuse help there on legal grounds.',
    quote:
      'Moscow recognizes Nagorno-Karabakh as a part of Azerbaijan, rather than Armenian territory.',
  },
  {
    key: 't-loyalty',
    kind: 'PREMISE',
    source: 'turchenko',
    text: "Russia funds and equips CSTO members in return for their support of Moscow's policies.",
    quote:
      "providing military resources and infrastructure to other member states in return for their support of Moscow's policies",
  },
  {
    key: 't-article4',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'The CSTO exists for collective defence: Article 4 obliges every member to come to the aid of one that is attacked.',
    quote:
      "The main formal rationale of CSTO was to provide military security through the mechanism of collective defense, which obliges all members to come to each other's aid when attacked, as stipulated in Article 4 of the ogranization's Treaty.",
  },
  {
    key: 't-nato',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'In this the CSTO resembles NATO, whose Article 5 requires the same collective defence.',
    quote:
      'In this respect, CSTO has some similarities with NATO, as Article 5 of the North Atlantic Treaty requires the same kind of collective defense.',
  },
  {
    key: 't-regimes',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "Since the colour revolutions, the CSTO's real goal has been to keep its members' mostly authoritarian regimes in power.",
    quote:
      'CSTO was given a new goal: to support the existing, mostly authoritarian political regimes of its member states.',
  },
  {
    key: 't-kazakhstan',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: "Russia helped Kazakhstan's President Tokayev through the 2022 unrest only to keep him in power.",
    quote:
      "the only reason why the Russian authorities decided to help Kazakhstan's President Kassym-Jomart Tokayev weather mass unrest in 2022 was their desire to keep him in power and thus preserve the stability of his regime",
  },
  {
    key: 't-refused-2020',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'When Armenia asked for help in 2020, it was refused.',
    quote: 'But when Armenia requested help in 2020, this assistance was refused.',
  },
  {
    key: 't-osh',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: "The CSTO also refused Kyrgyzstan's official request for help during the 2010 clashes in Osh.",
    quote:
      'The CSTO decided not to help Kyrgyz President Kurmanbek Bakiyev deal with the ethnic clashes that broke out in the city of Osh in 2010, despite his official request.',
  },
  {
    key: 't-sovereign',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: "In 2022 Azerbaijan attacked Armenia's own sovereign territory, not only Karabakh.",
    quote:
      "Azerbaijan directly attacked Armenia's sovereign territory during border clashes last year.",
  },
  {
    key: 't-expected',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'Armenia therefore expected Russia to call on the alliance under Article 4.',
    quote:
      'Yerevan must have expected that Russia would have no choice but to call on other members of the alliance under Article 4.',
  },
  {
    key: 't-no-aid',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "Russia did not come to Armenia's aid when it was directly attacked in 2022.",
    quote: "But Russia did not come to Armenia's aid.",
  },
  {
    key: 't-ukraine',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'Busy with its own invasion of Ukraine, Russia was in no position to help its ally.',
    quote:
      'Russia was in no position to help its ally when it was directly attacked, as it was itself attacking a sovereign independent state for bogus reasons.',
  },
  {
    key: 't-us',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: "Armenia is turning to the United States instead: Pelosi's visit, no CSTO training, joint exercises with US troops.",
    quote:
      'Armenia learned this lesson and began to reorient its foreign policy toward a new powerful ally — the United States.',
  },
  {
    key: 't-duties',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'Had Russia fulfilled its duties as a peacekeeper, Azerbaijan would not have kept stoking the conflict.',
    quote:
      'If Moscow fulfilled its duties as a responsible peacekeeper, Baku would not have continued to stoke conflict with Yerevan.',
  },
  {
    key: 't-monitoring',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'Russia also failed to monitor the Kyrgyz–Tajik border during the clashes there a year earlier.',
    quote:
      'Just a year ago, there was a series of clashes on the border between Kyrgyzstan and Tajikistan, where Russia failed to carry out monitoring missions.',
  },

  // ── Strakes ──
  {
    key: 's-misconception',
    kind: 'CLAIM',
    source: 'strakes',
    text: 'Allegations that Armenia plans to drag Russian-sponsored organisations into the conflict rest on misconceptions, not a real threat of intervention.',
    quote:
      'recent allegations of an Armenian strategy to involve Russian-sponsored organizations in the Nagorno-Karabakh conflict are based more upon popular misconceptions about their purpose than a genuine threat of third-party intervention',
  },
  {
    key: 's-summary',
    kind: 'CLAIM',
    source: 'strakes',
    text: 'Claims of a strategy involving Russian-sponsored security organisations are largely misconceptions.',
    quote: 'these claims are largely misconceptions',
  },
  {
    key: 's-not-nato',
    kind: 'CLAIM',
    source: 'strakes',
    text: 'The CSTO reflects a different idea of security held by Russia and its partners, not a NATO-style military alliance.',
    quote:
      'The conventional wisdom fails to recognize these structures as representing alternative security perceptions held by Russia and other participating states rather than traditional NATO-style military alliances.',
  },
  {
    key: 's-border',
    kind: 'PREMISE',
    source: 'strakes',
    text: "On this view, fighting on Armenia's recognised border would fall in the CSTO's area and trigger Article 4.",
    quote:
      "relocating combat operations to the internationally recognized border would place them within the CSTO's area of responsibility, thus activating Article 4 of the 1992 Treaty",
  },
  {
    key: 's-echo',
    kind: 'PREMISE',
    source: 'strakes',
    text: "Article 4 was meant to echo NATO's Article 5 collective defence doctrine.",
    quote:
      'Article 4 is meant to echo the collective defense doctrine enshrined in Article 5 of the NATO Charter',
  },
  {
    key: 's-july13',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'In July 2020 Armenia asked the CSTO only for an emergency meeting — which was then postponed indefinitely.',
    quote:
      'On July 13, Yerevan appealed to the CSTO Secretariat chaired by Belorussian General Stanislav Zas to convene an emergency meeting of the Permanent Council to address the hostilities',
  },
  {
    key: 's-arms-armenia',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'Russia ships arms to Armenia under their bilateral military alliance.',
    quote:
      'reported Russian arms shipments to Armenia via IL-76 transport planes through Iranian airspace',
  },
  {
    key: 's-suspicions',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'Fears of CSTO involvement feed on suspicions, since Crimea, that Russia wants to expand its military reach.',
    quote:
      'popular suspicions that Russia seeks to expand its military involvement and geopolitical influence in the Eurasian space',
  },
  {
    key: 's-no-threat',
    kind: 'OBJECTION',
    source: 'strakes',
    text: "Unlike NATO's, the CSTO's Article 4 was not written against any opposing state or bloc.",
    quote:
      'But unlike the NATO Charter signed in 1949, Article 4 of the CSTO Treaty was not drafted in response to a perceived comprehensive threat from any opposing state or bloc.',
  },
  {
    key: 's-cooperative',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'Its legal framework was modelled on "cooperative security": peaceful coexistence and non-interference in domestic affairs.',
    quote:
      'modeled on the concept of "cooperative security" of the former Conference on Security and Cooperation in Europe (CSCE), and its principles of peaceful coexistence among divergent political systems and non-interference in domestic affairs',
  },
  {
    key: 's-2002',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'The CSTO became a military institution only in 2002, with peacekeeping and joint exercises.',
    quote: 'It was only in 2002 that the CSTO was established as a military institution',
  },
  {
    key: 's-911',
    kind: 'OBJECTION',
    source: 'strakes',
    text: 'Its 2002 reforms answered 9/11 and the war in Afghanistan, not a wish to protect regimes.',
    quote:
      'These structural reforms were largely in response to changes in the international security environment fostered by the 9/11 terrorist attacks and the US launching of Operation Enduring Freedom in Afghanistan in 2001.',
  },
  {
    key: 's-petitioned',
    kind: 'OBJECTION',
    source: 'strakes',
    text: 'Armenia did not ask for military help: for years it asked the CSTO to take a principled position on Karabakh.',
    quote:
      'rather than requesting direct military assistance, Armenian governments have for several years petitioned CSTO to take a principled position on the Karabakh issue',
  },
  {
    key: 's-non-intervention',
    kind: 'REBUTTAL',
    source: 'strakes',
    text: "The CSTO traditionally stays out of what it sees as a member's internal affair — and Karabakh lies inside Azerbaijan.",
    quote:
      'its traditional policy of non-intervention in what it regards as an internal affair of current and former member states',
  },
  {
    key: 's-contradictory',
    kind: 'PREMISE',
    source: 'strakes',
    text: "Armenia's petitions were driven by contradictory arms policies among its own allies.",
    quote:
      'This was largely motivated by contradictory security assistance policies at the multilateral and bilateral levels.',
  },
  {
    key: 's-arms-azerbaijan',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'Azerbaijan buys most of its arms from Russia, and Belarus also arms Baku.',
    quote:
      "Azerbaijan currently purchases most of its arms from Russia, the dominant military power in CSTO, while Belarus has emerged as a major arms supplier to Baku despite Armenia's being a fellow member.",
  },
  {
    key: 's-mutual',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'Russian-led structures define security as mutual help for national development, not an alliance against aggression.',
    quote:
      'in which security is defined as mutual assistance against common threats to sustainable national development rather than a NATO-style alliance against external aggression',
  },
];

/** [from, relation, to, group]: arrows run from a reason to what it bears on. */
export const DEMO_EDGES: [string, Relation, string, string?][] = [
  // Turchenko's case against the motion
  ['t-credibility', 'ATTACKS', 'motion'],
  ['t-duties', 'ATTACKS', 'motion'],
  ['t-refused-2020', 'SUPPORTS', 't-credibility'],
  ['t-no-aid', 'SUPPORTS', 't-credibility'],
  ['t-osh', 'SUPPORTS', 't-credibility'],
  ['t-no-attempt', 'SUPPORTS', 't-credibility'],
  ['t-appealed-2020', 'SUPPORTS', 't-no-attempt'],
  ['t-us', 'SUPPORTS', 't-credibility'],
  ['t-monitoring', 'SUPPORTS', 't-duties'],
  ['t-ukraine', 'SUPPORTS', 't-no-aid'],
  ['t-expected', 'SUPPORTS', 't-no-aid'],
  // Article 4 plus an attack on sovereign territory: a linked argument
  ['t-article4', 'SUPPORTS', 't-expected', 'article-4'],
  ['t-sovereign', 'SUPPORTS', 't-expected', 'article-4'],
  ['t-nato', 'SUPPORTS', 't-article4'],
  ['t-regimes', 'SUPPORTS', 't-credibility'],
  ['t-kazakhstan', 'SUPPORTS', 't-regimes'],
  ['t-loyalty', 'SUPPORTS', 't-regimes'],

  // Strakes's case, and where it meets Turchenko's
  ['s-not-nato', 'SUPPORTS', 'motion'],
  ['s-summary', 'REPHRASES', 's-misconception'],
  ['s-not-nato', 'SUPPORTS', 's-misconception'],
  ['s-suspicions', 'SUPPORTS', 's-misconception'],
  ['s-mutual', 'SUPPORTS', 's-not-nato'],
  ['s-cooperative', 'SUPPORTS', 's-not-nato'],
  ['s-misconception', 'ATTACKS', 't-expected'], // did Armenia count on Article 4?
  ['s-border', 'REPHRASES', 't-expected'],
  ['s-not-nato', 'ATTACKS', 't-article4'], // what Article 4 obliges
  ['s-cooperative', 'ATTACKS', 't-article4'],
  ['s-echo', 'REPHRASES', 't-nato'], // the NATO Article 5 comparison
  ['s-no-threat', 'ATTACKS', 't-nato'],
  ['s-2002', 'ATTACKS', 't-regimes'], // the CSTO's purpose since 2002
  ['s-911', 'SUPPORTS', 's-2002'],
  ['s-petitioned', 'ATTACKS', 't-appealed-2020'], // whether and when Armenia asked for help
  ['s-july13', 'SUPPORTS', 's-petitioned'],
  ['s-july13', 'SUPPORTS', 't-refused-2020'],
  ['s-non-intervention', 'UNDERCUTS', 't-refused-2020'],
  ['t-recognizes', 'SUPPORTS', 's-non-intervention'],
  ['s-contradictory', 'SUPPORTS', 's-petitioned'],
  ['s-arms-azerbaijan', 'SUPPORTS', 's-contradictory'], // Russia's arms sales to both sides
  ['s-arms-armenia', 'SUPPORTS', 's-contradictory'],
  ['s-arms-azerbaijan', 'ATTACKS', 't-loyalty'],
];
