import type { NodeKind, Relation, Side } from '../../lib/domain/types';

/**
 * The demo debate on the motion "The CSTO failed Armenia": Turchenko (The
 * Moscow Times, 21 September 2023) for, Strakes (BESA Center, 4 November
 * 2020, mid-war, before the ceasefire) against. Every node drawn from an
 * article quotes it exactly (`quote` must occur once in the cleaned text),
 * says only what its quote says, and is dated by its article: the source's
 * `publishedOn`, shown on its card and in the brief.
 * A view an author reports but argues against is attributed (`attributedTo`)
 * and neutral. The map's own nodes (no source) are the motion, the point both
 * authors agree on, and one QUESTION at each clash point: what Article 4
 * obliges, whether and when Armenia asked for help, the NATO Article 5
 * comparison, arms sales, and what the CSTO has been for since 2002. An
 * answer that SUPPORTS a question says yes; one that ATTACKS it says no.
 * docs/DEMO-DEBATE.md explains the map for a teacher.
 */

export { DEMO_MAP_SLUG } from '../../lib/domain/demo-map';

export type DemoSourceKey = 'turchenko' | 'strakes';

export const DEMO_SOURCES: Record<
  DemoSourceKey,
  {
    file: string;
    title: string;
    author: string;
    /** What makes the author worth quoting, as the article itself says ('' when it does not). */
    qualifications: string;
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
    qualifications: '',
    publisher: 'The Moscow Times (opinion)',
    publishedOn: '2023-09-21',
    url: 'https://www.themoscowtimes.com/2023/09/21/nagorno-karabakh-shows-russia-has-no-credibility-as-a-regional-peacekeeper-a82531',
    side: 'FOR',
  },
  strakes: {
    file: 'strakes-2020.txt',
    title: 'Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception?',
    author: 'Jason E. Strakes',
    qualifications:
      'Director of research and publications, Center for Foreign Policy and Security Studies (CFPSS), Romania; Coordinator, Caucasus-Asia Center',
    publisher: 'BESA Center Perspectives Paper No. 1,798',
    publishedOn: '2020-11-04',
    url: null,
    side: 'AGAINST',
  },
};

export const DEMO_MAP = {
  title: 'Russia, the CSTO and Nagorno-Karabakh',
  motion: 'The CSTO failed Armenia',
  description:
    'Two articles three years apart. Mikhail Turchenko (21 September 2023) argues that Russia and the CSTO failed Armenia and lost their credibility as peacekeepers; ' +
    'Jason E. Strakes (4 November 2020, during the war) argues that fears of CSTO intervention misread what the CSTO is: a cooperative-security body, not a NATO-style alliance.',
};

export const DEMO_TEAMS: { name: string; color: string; side: Side }[] = [
  { name: 'Team Turchenko', color: '#c2410c', side: 'FOR' },
  { name: 'Team Strakes', color: '#1d4ed8', side: 'AGAINST' },
];

export type DemoNode = {
  key: string;
  kind: NodeKind;
  text: string;
  source?: DemoSourceKey;
  quote?: string;
  /**
   * Whose view this is when the author only reports it (and argues against
   * it): the node is neutral, and its text opens with the attribution.
   */
  attributedTo?: string;
};

/** The side a node is drawn on: its author's, neutral for a reported view or the map's own nodes. */
export function nodeSide(node: DemoNode): Side {
  return node.source && !node.attributedTo ? DEMO_SOURCES[node.source].side : 'NEUTRAL';
}

export const DEMO_NODES: DemoNode[] = [
  { key: 'motion', kind: 'QUESTION', text: 'Did the CSTO fail Armenia?' },
  {
    key: 'common-ground',
    kind: 'CLAIM',
    text: 'Common ground (the map’s note, not a quote): the CSTO did not intervene for Armenia. The authors differ on whether that broke a duty: see the Article 4 question.',
  },

  // ── The clash points: a yes (SUPPORTS) or no (ATTACKS) from each author ──
  {
    key: 'q-article4',
    kind: 'QUESTION',
    text: 'Did Article 4 oblige the CSTO to come to Armenia’s aid: in Karabakh (2020, 2023), or when Armenia’s own territory was attacked (2022)? Strakes wrote in November 2020, before the 2022 attack.',
  },
  {
    key: 'q-asked',
    kind: 'QUESTION',
    text: 'Did Armenia ask the CSTO for military help, in the 2020 war and after the 2022 border attack? Strakes wrote in November 2020, so he speaks to 2020 alone.',
  },
  {
    key: 'q-nato',
    kind: 'QUESTION',
    text: 'Is the CSTO’s Article 4 a collective-defence pledge like NATO’s Article 5?',
  },
  {
    key: 'q-arms',
    kind: 'QUESTION',
    text: 'Could Armenia rely on Russia and its other CSTO allies for arms?',
  },
  {
    key: 'q-purpose',
    kind: 'QUESTION',
    text: 'Since 2002, has the CSTO been a military alliance for collective defence?',
  },

  // ── Turchenko, 21 September 2023 ──
  {
    key: 't-disillusion',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'Armenia’s disillusionment with the CSTO is rooted in its refusal to help when war with Azerbaijan broke out again in 2022.',
    quote:
      "Armenia's disillusionment with the CSTO is rooted in the organization's refusal to help when war with Azerbaijan broke out again in 2022.",
  },
  {
    key: 't-credibility',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "Russia has lost its credibility as a regional peacekeeper in Yerevan's eyes.",
    quote:
      "By now, it's crystal clear that Russia has lost its credibility as a regional peacekeeper in Yerevan's eyes.",
  },
  {
    key: 't-appealed-2020',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'In the 2020 war and the border clashes that followed, Armenia, as a member of the Russia-led CSTO, appealed to the alliance for military assistance.',
    quote:
      'Back then, Armenia, as a member of the Russia-led Collective Security Treaty Organization (CSTO), appealed for military assistance from the alliance.',
  },
  {
    key: 't-refused-2020',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'When Armenia requested help in 2020, this assistance was refused.',
    quote: 'But when Armenia requested help in 2020, this assistance was refused.',
  },
  {
    key: 't-no-attempt',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'This time (September 2023) the Armenian authorities have not even attempted to appeal to the CSTO.',
    quote: 'Now the Armenian authorities have not even made such an attempt.',
  },
  {
    key: 't-would-refuse',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'As in 2020, Russia today would probably refuse to help Armenia in this conflict, on legal grounds.',
    quote:
      'That said, as in 2020, Russia today would probably refuse to help Armenia during the conflict on based on legal grounds.',
  },
  {
    key: 't-recognizes',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'Moscow recognizes Nagorno-Karabakh as part of Azerbaijan, not as Armenian territory.',
    quote:
      'Moscow recognizes Nagorno-Karabakh as a part of Azerbaijan, rather than Armenian territory.',
  },
  {
    key: 't-worth-asking',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'But it would have been worth asking for help.',
    quote: 'But it would have been worth asking for help.',
  },
  {
    key: 't-loyalty',
    kind: 'PREMISE',
    source: 'turchenko',
    text: "From the very beginning Russia has played a leading role in the CSTO, contributing a disproportionate share of its funding and providing military resources and infrastructure to other members in return for their support of Moscow's policies.",
    quote:
      "From the very beginning, Russia has played a leading role by contributing a disproportionate share of its funding, and providing military resources and infrastructure to other member states in return for their support of Moscow's policies",
  },
  {
    key: 't-willing',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'Accordingly, the CSTO only included countries willing to cooperate with Moscow.',
    quote:
      'Accordingly, the organization only included countries that were willing to cooperate with Moscow.',
  },
  {
    key: 't-uzbekistan',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'Uzbekistan joined in 2006, the year after an uprising in Andijan in which government forces killed hundreds of unarmed protesters, and suspended its membership in 2012 as it pivoted its foreign policy away from Moscow.',
    quote:
      'Uzbekistan joined the organization in 2006 after an uprising in the city of Andijan the year before, when Uzbek government forces killed hundreds of unarmed protesters, but suspended its membership in 2012 as it pivoted its foreign policy away from Moscow.',
  },
  {
    key: 't-article4',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "The CSTO's main formal rationale was collective defence: Article 4 of its Treaty obliges all members to come to each other's aid when attacked.",
    quote:
      "The main formal rationale of CSTO was to provide military security through the mechanism of collective defense, which obliges all members to come to each other's aid when attacked, as stipulated in Article 4 of the ogranization's Treaty.",
  },
  {
    key: 't-nato',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'In this respect the CSTO has some similarities with NATO, whose Article 5 requires the same kind of collective defence.',
    quote:
      'In this respect, CSTO has some similarities with NATO, as Article 5 of the North Atlantic Treaty requires the same kind of collective defense.',
  },
  {
    key: 't-regimes',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'After the colour revolutions of the mid-2000s, the CSTO was given a new goal: to support its members’ existing, mostly authoritarian regimes.',
    quote:
      'However, after the color revolutions that led to the overthrow of several incumbent post-Soviet regimes in the mid-2000s, CSTO was given a new goal: to support the existing, mostly authoritarian political regimes of its member states.',
  },
  {
    key: 't-arab-spring',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'This aim was only reinforced after the Arab Spring, which toppled dictators and set off civil wars across much of the Arab world.',
    quote:
      'This aim was only reinforced after the Arab Spring, which saw the toppling of dictators and the eruption of civil wars across much of the Arab world.',
  },
  {
    key: 't-kazakhstan',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "The only reason Russia helped Kazakhstan's President Tokayev through the 2022 unrest was to keep him in power and preserve his regime.",
    quote:
      "the only reason why the Russian authorities decided to help Kazakhstan's President Kassym–Jomart Tokayev weather mass unrest in 2022 was their desire to keep him in power and thus preserve the stability of his regime",
  },
  {
    key: 't-kazakh-mission',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'In 2022 the CSTO activated its collective defence mechanism for the first time, launching a mission to Kazakhstan on the pretext of foreign intervention, for which the Kazakh authorities have never provided evidence.',
    quote:
      'It was the first time CSTO activated its collective defense mechanism, launching a mission on the pretext of foreign intervention in Kazakhstan, even though Kazakh authorities have never provided evidence to back up these claims.',
  },
  {
    key: 't-osh',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'The CSTO decided not to help Kyrgyz President Bakiyev with the 2010 ethnic clashes in Osh, despite his official request.',
    quote:
      'The CSTO decided not to help Kyrgyz President Kurmanbek Bakiyev deal with the ethnic clashes that broke out in the city of Osh in 2010, despite his official request.',
  },
  {
    key: 't-sovereign',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: "Unlike in the 2020 war, in the 2022 border clashes Azerbaijan directly attacked Armenia's sovereign territory.",
    quote:
      "However, unlike the Second Nagorno-Karabakh War in 2020, Azerbaijan directly attacked Armenia's sovereign territory during border clashes last year.",
  },
  {
    key: 't-expected',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'Yerevan must have expected that Russia would have no choice but to call on the other members of the alliance under Article 4.',
    quote:
      'Yerevan must have expected that Russia would have no choice but to call on other members of the alliance under Article 4.',
  },
  {
    key: 't-no-aid',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: "In 2022 Russia did not come to Armenia's aid.",
    quote: "But Russia did not come to Armenia's aid.",
  },
  {
    key: 't-ukraine',
    kind: 'PREMISE',
    source: 'turchenko',
    text: 'Having invaded Ukraine in February 2022, Russia was in no position to help its ally when it was directly attacked, as it was itself attacking a sovereign state for bogus reasons.',
    quote:
      'Having launched the full-scale invasion of Ukraine in February 2022, Russia was in no position to help its ally when it was directly attacked, as it was itself attacking a sovereign independent state for bogus reasons.',
  },
  {
    key: 't-us',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'Armenia learned this lesson and began to reorient its foreign policy toward a new powerful ally, the United States.',
    quote:
      'Armenia learned this lesson and began to reorient its foreign policy toward a new powerful ally — the United States.',
  },
  {
    key: 't-no-training',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'In January 2023 Armenia refused to host CSTO military training.',
    quote: 'And in January, Armenia refused to host CSTO military training.',
  },
  {
    key: 't-icc',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'Pashinyan confirmed that Armenia will come under the jurisdiction of the International Criminal Court, which in March 2023 issued an arrest warrant for Putin over the unlawful deportation of Ukrainian children to Russia.',
    quote:
      "At the same time, Armenia's Prime Minister Nikol Pashinyan confirmed that Armenia will come under the jurisdiction of the International Criminal Court (ICC). In March, the ICC issued an arrest warrant for Russian President Vladimir Putin over the unlawful deportation of Ukrainian children to Russia.",
  },
  {
    key: 't-civilians',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "We would not be witnessing civilian deaths and a humanitarian crisis in Nagorno-Karabakh as a result of Azerbaijan's military operation had Russia genuinely cared about regional stability.",
    quote:
      "We would not be witnessing civilian deaths and a humanitarian crisis in Nagorno–Karabakh as a result of Azerbaijan's military operation today had Russia genuinely cared about regional stability.",
  },
  {
    key: 't-duties',
    kind: 'CLAIM',
    source: 'turchenko',
    text: 'Had Russia fulfilled its duties as a responsible peacekeeper, Baku would not have continued to stoke conflict with Yerevan.',
    quote:
      'If Moscow fulfilled its duties as a responsible peacekeeper, Baku would not have continued to stoke conflict with Yerevan.',
  },
  {
    key: 't-dangers',
    kind: 'CLAIM',
    source: 'turchenko',
    text: "Russia's irresponsibility has created potential dangers for the other CSTO member states.",
    quote: "Russia's irresponsibility has created potential dangers for other CSO member states.",
  },
  {
    key: 't-monitoring',
    kind: 'EVIDENCE',
    source: 'turchenko',
    text: 'In the 2022 clashes on the Kyrgyz–Tajik border, Russia failed to carry out monitoring missions.',
    quote:
      'Just a year ago, there was a series of clashes on the border between Kyrgyzstan and Tajikistan, where Russia failed to carry out monitoring missions.',
  },

  // ── Strakes, 4 November 2020 ──
  {
    key: 's-misconception',
    kind: 'CLAIM',
    source: 'strakes',
    text: 'Recent allegations of an Armenian strategy to involve Russian-sponsored organizations in the conflict are based more upon popular misconceptions about their purpose than a genuine threat of third-party intervention.',
    quote:
      'recent allegations of an Armenian strategy to involve Russian-sponsored organizations in the Nagorno-Karabakh conflict are based more upon popular misconceptions about their purpose than a genuine threat of third-party intervention',
  },
  {
    key: 's-summary',
    kind: 'CLAIM',
    source: 'strakes',
    text: 'Claims by government officials and others of a strategy involving Russian-sponsored security organizations in the recent escalations are largely misconceptions.',
    quote:
      'While government officials and others have alleged a strategy that involves Russian-sponsored security organizations in recent escalations in the Nagorno-Karabakh conflict, these claims are largely misconceptions.',
  },
  {
    key: 's-not-nato',
    kind: 'CLAIM',
    source: 'strakes',
    text: 'Russian-sponsored security structures such as the CSTO represent alternative security perceptions held by Russia and the other participating states, not traditional NATO-style military alliances.',
    quote:
      'The conventional wisdom fails to recognize these structures as representing alternative security perceptions held by Russia and other participating states rather than traditional NATO-style military alliances.',
  },
  {
    key: 's-alleged',
    kind: 'CLAIM',
    source: 'strakes',
    attributedTo: 'Azerbaijani officials',
    text: 'Azerbaijani officials (as reported by Strakes): in July 2020 Hikmet Hajiyev, Elin Suleymanov and government-affiliated analysts alleged that Armenian offensive actions beyond the line of contact show Armenia seeks military intervention from its fellow CSTO members.',
    quote:
      'public figures such as Azerbaijani presidential foreign policy adviser Hikmet Hajiyev and Ambassador of Azerbaijan to the US Elin Suleymanov, as well as government-affiliated analysts, alleged that offensive actions by the Armenian Armed Forces beyond the line of contact (LoC) in Karabakh and the seven occupied districts of Azerbaijan demonstrate that Armenia seeks military intervention from fellow member states of the Collective Security Treaty Organization (CSTO)',
  },
  {
    key: 's-border',
    kind: 'PREMISE',
    source: 'strakes',
    attributedTo: 'Azerbaijani officials',
    text: "Azerbaijani officials (as reported by Strakes): moving the fighting to the internationally recognized border would place it within the CSTO's area of responsibility, activating Article 4 of the 1992 Treaty.",
    quote:
      "According to this view, relocating combat operations to the internationally recognized border would place them within the CSTO's area of responsibility, thus activating Article 4 of the 1992 Treaty.",
  },
  {
    key: 's-echo',
    kind: 'PREMISE',
    source: 'strakes',
    text: "Article 4 is meant to echo the collective defence doctrine of NATO's Article 5.",
    quote:
      'Article 4 is meant to echo the collective defense doctrine enshrined in Article 5 of the NATO Charter',
  },
  {
    key: 's-july13',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'On 13 July 2020 Yerevan appealed to the CSTO Secretariat to convene an emergency meeting of the Permanent Council on the hostilities; the meeting was later postponed indefinitely.',
    quote:
      'On July 13, Yerevan appealed to the CSTO Secretariat chaired by Belorussian General Stanislav Zas to convene an emergency meeting of the Permanent Council to address the hostilities, but it was later announced that that meeting had been postponed indefinitely',
  },
  {
    key: 's-tensions',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'The officials’ interpretation may simply reflect recent diplomatic tensions between Baku and Moscow over reported Russian arms shipments to Armenia.',
    quote:
      'On the one hand, this interpretation of events may simply reflect recent diplomatic tensions between Baku and Moscow regarding reported Russian arms shipments to Armenia',
  },
  {
    key: 's-arms-armenia',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'The Russian arms shipments to Armenia reported around 12 July 2020 were an otherwise routine part of the bilateral Russian–Armenian military alliance of 1997 (extended in 2010).',
    quote:
      'via IL-76 transport planes through Iranian airspace immediately preceding and following July 12—an otherwise routine aspect of the bilateral Russian-Armenian military alliance concluded in 1997 (and extended in 2010)',
  },
  {
    key: 's-withdrew',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'In response to that alliance, Azerbaijan, itself a former CSTO member, withdrew from the Treaty in 1999.',
    quote:
      'in response to which Azerbaijan, itself a former CSTO member, withdrew from the Treaty in 1999',
  },
  {
    key: 's-suspicions',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'The officials’ interpretation could also stem from popular suspicions, common since the annexation of Crimea in 2014, that Russia seeks to expand its military involvement and influence in Eurasia.',
    quote:
      "It could also stem from popular suspicions that Russia seeks to expand its military involvement and geopolitical influence in the Eurasian space, as has been common discourse ever since Moscow's annexation of Crimea in 2014",
  },
  {
    key: 's-no-threat',
    kind: 'OBJECTION',
    source: 'strakes',
    text: "Unlike NATO's 1949 Charter, the CSTO's Article 4 was not drafted in response to a perceived comprehensive threat from any opposing state or bloc.",
    quote:
      'But unlike the NATO Charter signed in 1949, Article 4 of the CSTO Treaty was not drafted in response to a perceived comprehensive threat from any opposing state or bloc.',
  },
  {
    key: 's-cooperative',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'In the first phase of its evolution (before 2002), alongside the CIS, the CSTO’s legal framework was heavily oriented toward the UN Security Council and modelled on the CSCE’s “cooperative security”: peaceful coexistence and non-interference in domestic affairs.',
    quote:
      'The legal framework laid during the first phase of its evolution in tandem with the Commonwealth of Independent States (CIS) was heavily oriented toward the UN Security Council and modeled on the concept of "cooperative security" of the former Conference on Security and Cooperation in Europe (CSCE), and its principles of peaceful coexistence among divergent political systems and non-interference in domestic affairs.',
  },
  {
    key: 's-2002',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'Only in 2002 was the CSTO established as a military institution, with a Charter formalizing defence cooperation, peacekeeping operations and joint exercises.',
    quote:
      'It was only in 2002 that the CSTO was established as a military institution, with the signature of the Charter formalizing defense cooperation, peacekeeping operations, and joint exercises among national armed services',
  },
  {
    key: 's-crrf',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'The Collective Rapid Reaction Forces (CRRF) followed in 2009.',
    quote: 'followed by the introduction of the Collective Rapid Reaction Forces (CRRF) in 2009',
  },
  {
    key: 's-911',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'These reforms were largely a response to the changed security environment after the 9/11 attacks and the US launch of Operation Enduring Freedom in Afghanistan in 2001.',
    quote:
      'These structural reforms were largely in response to changes in the international security environment fostered by the 9/11 terrorist attacks and the US launching of Operation Enduring Freedom in Afghanistan in 2001.',
  },
  {
    key: 's-petitioned',
    kind: 'OBJECTION',
    source: 'strakes',
    text: 'Rather than requesting direct military assistance, Armenian governments have for several years petitioned the CSTO to take a principled position on Karabakh.',
    quote:
      'rather than requesting direct military assistance, Armenian governments have for several years petitioned CSTO to take a principled position on the Karabakh issue',
  },
  {
    key: 's-non-intervention',
    kind: 'OBJECTION',
    source: 'strakes',
    text: 'The CSTO traditionally stays out of what it regards as an internal affair of current and former member states, or of an unrecognized Armenian-populated de facto state within Azerbaijan.',
    quote:
      'its traditional policy of non-intervention in what it regards as an internal affair of current and former member states (or an unrecognized Armenian-populated de facto state within the territory of Azerbaijan)',
  },
  {
    key: 's-contradictory',
    kind: 'PREMISE',
    source: 'strakes',
    text: "Armenia's petitions were largely motivated by contradictory security assistance policies at the multilateral and bilateral levels.",
    quote:
      'This was largely motivated by contradictory security assistance policies at the multilateral and bilateral levels.',
  },
  {
    key: 's-arms-azerbaijan',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: "Azerbaijan buys most of its arms from Russia, the CSTO's dominant military power, and Belarus has become a major arms supplier to Baku, although Armenia is a fellow member.",
    quote:
      "Azerbaijan currently purchases most of its arms from Russia, the dominant military power in CSTO, while Belarus has emerged as a major arms supplier to Baku despite Armenia's being a fellow member.",
  },
  {
    key: 's-minsk',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: "Belarus's shift reflects a downturn in relations between Minsk and Yerevan over the past decade.",
    quote:
      "This shift in Belarus's policy reflects a downturn in relations between Minsk and Yerevan over the past decade.",
  },
  {
    key: 's-kavkaz',
    kind: 'EVIDENCE',
    source: 'strakes',
    text: 'The Kavkaz-2020 exercises stood out for their cross-regional (particularly Asian) character and for joint participation by states with hostile relations or enduring rivalries.',
    quote:
      'A major distinction of these exercises, aside from their broadly cross-regional (particularly Asian) character, is joint participation by several states that have historically had hostile relations or are involved in enduring rivalries.',
  },
  {
    key: 's-mutual',
    kind: 'PREMISE',
    source: 'strakes',
    text: 'The ability of Russian-led military structures to attract interest far beyond their area shares similarities with new partnerships of Asian and Middle Eastern countries with the EAEU and SCO, in which security is defined as mutual assistance against common threats to sustainable national development rather than a NATO-style alliance against external aggression.',
    quote:
      'The ability of Russian-led military structures to attract interest far beyond their area of operations shares similarities with new partnerships between Asian and Middle Eastern countries and the Eurasian Economic Union (EAEU) and Shanghai Cooperation Organization (SCO), in which security is defined as mutual assistance against common threats to sustainable national development rather than a NATO-style alliance against external aggression.',
  },
];

/** [from, relation, to, group]: arrows run from a reason to what it bears on. */
export const DEMO_EDGES: [string, Relation, string, string?][] = [
  // Turchenko's case for the motion
  ['t-disillusion', 'SUPPORTS', 'motion'],
  ['t-refused-2020', 'SUPPORTS', 'motion'],
  // Yerevan's expectation, and what happened: a linked argument each
  ['t-article4', 'SUPPORTS', 't-expected', 'article-4'],
  ['t-sovereign', 'SUPPORTS', 't-expected', 'article-4'],
  ['t-expected', 'SUPPORTS', 't-disillusion', 'let-down'],
  ['t-no-aid', 'SUPPORTS', 't-disillusion', 'let-down'],
  ['t-ukraine', 'SUPPORTS', 't-no-aid'],
  ['t-appealed-2020', 'SUPPORTS', 't-refused-2020'],
  ['t-no-attempt', 'SUPPORTS', 't-credibility', 'no-attempt'],
  ['t-worth-asking', 'SUPPORTS', 't-credibility', 'no-attempt'],
  ['t-recognizes', 'SUPPORTS', 't-would-refuse'],
  ['t-us', 'SUPPORTS', 't-credibility'],
  ['t-no-training', 'SUPPORTS', 't-us'],
  ['t-icc', 'SUPPORTS', 't-credibility'],
  ['t-osh', 'SUPPORTS', 't-credibility'],
  ['t-duties', 'SUPPORTS', 't-credibility'],
  ['t-civilians', 'SUPPORTS', 't-credibility'],
  ['t-dangers', 'SUPPORTS', 't-credibility'],
  ['t-monitoring', 'SUPPORTS', 't-dangers'],
  ['t-loyalty', 'SUPPORTS', 't-willing'],
  ['t-uzbekistan', 'SUPPORTS', 't-willing'],
  ['t-arab-spring', 'SUPPORTS', 't-regimes'],
  ['t-kazakhstan', 'SUPPORTS', 't-regimes'],
  ['t-kazakh-mission', 'SUPPORTS', 't-kazakhstan'],

  // Strakes's case against the motion, and against the allegations he reports
  ['s-misconception', 'ATTACKS', 'motion'],
  // On his reading the CSTO was never a NATO-style defence pact, so staying out broke no duty.
  ['s-not-nato', 'ATTACKS', 'motion'],
  ['s-summary', 'REPHRASES', 's-misconception'],
  ['s-misconception', 'ATTACKS', 's-alleged'],
  ['s-border', 'SUPPORTS', 's-alleged'],
  ['s-not-nato', 'SUPPORTS', 's-misconception'],
  ['s-tensions', 'SUPPORTS', 's-misconception'],
  ['s-suspicions', 'SUPPORTS', 's-misconception'],
  ['s-no-threat', 'SUPPORTS', 's-misconception'],
  ['s-petitioned', 'SUPPORTS', 's-misconception'],
  ['s-cooperative', 'SUPPORTS', 's-no-threat'],
  ['s-cooperative', 'SUPPORTS', 's-not-nato'],
  ['s-mutual', 'SUPPORTS', 's-not-nato'],
  ['s-kavkaz', 'SUPPORTS', 's-mutual'],
  ['s-911', 'SUPPORTS', 's-2002'],
  ['s-july13', 'SUPPORTS', 's-petitioned'],
  ['s-contradictory', 'SUPPORTS', 's-petitioned'],
  ['s-arms-azerbaijan', 'SUPPORTS', 's-contradictory'],
  ['s-arms-armenia', 'SUPPORTS', 's-contradictory'],
  ['s-minsk', 'SUPPORTS', 's-arms-azerbaijan'],
  ['s-withdrew', 'SUPPORTS', 's-non-intervention'],
  // The CRRF cuts against Strakes's own reading of the CSTO.
  ['s-crrf', 'ATTACKS', 's-not-nato'],

  // Where the authors meet head-on, directly
  ['s-petitioned', 'ATTACKS', 't-appealed-2020'], // both about 2020
  ['s-non-intervention', 'UNDERCUTS', 't-refused-2020'], // both about 2020, in Karabakh
  ['t-recognizes', 'SUPPORTS', 's-non-intervention'],
  ['s-no-threat', 'ATTACKS', 't-nato'],
  ['s-echo', 'REPHRASES', 't-nato'],
  ['s-not-nato', 'ATTACKS', 't-article4'],
  ['t-kazakh-mission', 'ATTACKS', 's-not-nato'], // a 2022 event against a 2020 reading
  ['t-kazakh-mission', 'ATTACKS', 's-non-intervention'],

  // The point both authors agree on
  ['t-refused-2020', 'SUPPORTS', 'common-ground'],
  ['t-no-aid', 'SUPPORTS', 'common-ground'],
  ['s-july13', 'SUPPORTS', 'common-ground'],

  // The clash points: SUPPORTS says yes, ATTACKS says no
  ['t-article4', 'SUPPORTS', 'q-article4'],
  ['t-sovereign', 'SUPPORTS', 'q-article4'],
  ['s-border', 'SUPPORTS', 'q-article4'],
  ['t-would-refuse', 'ATTACKS', 'q-article4'],
  ['s-non-intervention', 'ATTACKS', 'q-article4'],

  ['t-appealed-2020', 'SUPPORTS', 'q-asked'],
  ['t-refused-2020', 'SUPPORTS', 'q-asked'],
  ['t-disillusion', 'SUPPORTS', 'q-asked'],
  ['s-petitioned', 'ATTACKS', 'q-asked'],

  ['t-nato', 'SUPPORTS', 'q-nato'],
  ['s-no-threat', 'ATTACKS', 'q-nato'],
  ['s-echo', 'SUPPORTS', 'q-nato'],

  ['t-loyalty', 'SUPPORTS', 'q-arms'],
  ['s-arms-armenia', 'SUPPORTS', 'q-arms'],
  ['s-arms-azerbaijan', 'ATTACKS', 'q-arms'],
  ['s-contradictory', 'ATTACKS', 'q-arms'],

  ['t-article4', 'SUPPORTS', 'q-purpose'],
  ['t-kazakh-mission', 'SUPPORTS', 'q-purpose'],
  ['t-regimes', 'ATTACKS', 'q-purpose'],
  ['s-2002', 'SUPPORTS', 'q-purpose'],
  ['s-crrf', 'SUPPORTS', 'q-purpose'],
  ['s-not-nato', 'ATTACKS', 'q-purpose'],
];
