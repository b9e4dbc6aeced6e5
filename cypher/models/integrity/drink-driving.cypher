// ---
// id: integrity.drink-driving
// revision: 2
// catalog: M18
// title:
//   zh: 党员干部、公职人员酒驾醉驾
//   en: Drink-driving by a Party member or official
// description: >
//   A person punished for 饮酒驾驶 or 醉酒驾驶 was a Party member that day or held a post. The decision form
//   records 政治面貌 and 职业 since 2016-07; the join here is on 身份证号. Raised whether or not a sanction
//   followed: the case handler checks the dinner behind it (who organised, who paid) and repeat offences.
// severity: high
// tags: [integrity, 酒驾醉驾, 八项规定, M18]
// parameters:
//   caseTypes:
//     type: string[]
//     default: [饮酒驾驶, 醉酒驾驶, 饮酒后驾驶, 醉酒后驾驶]
//     description: drink-driving offence types; a case whose type contains one counts (交警 write the law's
//       words, 饮酒后驾驶机动车, 醉酒驾驶营运机动车)
// identity: [person, policeCase]
// subjects:
//   - { column: person, role: person }
//   - { column: policeCase, role: case }
// evidence: evidence
// summary:
//   zh: "{name}（{who}）于{caseDate}{caseType}，{penalty}{sanctioned}"
//   en: "{name} ({whoEn}): {caseType} on {caseDate}, {penalty}{sanctionedEn}"
// ---
MATCH pc = (p:Person)-[i:INVOLVED_IN]->(c:PoliceCase)
WHERE any(t IN $caseTypes WHERE c.type CONTAINS t) AND coalesce(i.penalty, '') <> '' AND c.time IS NOT NULL
WITH p, i, c, pc, date(c.time) AS d
OPTIONAL MATCH ph = (p)-[h:HOLDS_POST]->(:Org)
WHERE (h.from IS NULL OR h.from <= d) AND (h.to IS NULL OR h.to >= d)
WITH p, i, c, pc, d, collect(ph) AS posts, collect(h.title) AS titles,
     p.partyMember = true AND coalesce(p.joinedPartyDate, date('1900-01-01')) <= d AS member
WHERE member OR size(posts) > 0
OPTIONAL MATCH ps = (p)-[:SANCTIONED]->(s:Sanction) WHERE s.decidedAt >= d
WITH p, i, c, pc, d, posts, titles, member, collect(ps) AS sanctions, collect(s.type) AS types
RETURN p.uid AS person, c.uid AS policeCase, p.name AS name, c.type AS caseType, toString(d) AS caseDate, coalesce(i.penalty, '') AS penalty,
       CASE WHEN member AND size(posts) > 0 THEN '党员、' + titles[0] WHEN member THEN '党员' ELSE titles[0] END AS who,
       CASE WHEN member AND size(posts) > 0 THEN 'Party member and official' WHEN member THEN 'Party member' ELSE 'official' END AS whoEn,
       CASE WHEN size(types) > 0 THEN '；已给予' + types[0] ELSE '；未见处分' END AS sanctioned,
       CASE WHEN size(types) > 0 THEN '; sanctioned (' + types[0] + ')' ELSE '; no sanction found' END AS sanctionedEn,
       [pc] + posts + sanctions AS evidence
