// ---
// id: integrity.penalised-never-disciplined
// revision: 2
// catalog: M17
// title:
//   zh: 党员、公职人员受行政处罚未受党纪政务处分
//   en: Party member or official penalised by the police, never disciplined
// description: >
//   A person punished in a police case (违法行为人, 组织者, 参赌人员; not a 证人) was a Party member on the
//   day (入党日期 on or before it) or held a post that day, and no disciplinary sanction was decided on or
//   after the case. 中国共产党纪律处分条例 and 政务处分法 require a decision for members and officials who
//   受到行政处罚. Known false positives: the decision is pending or was made elsewhere; a same-name person
//   (the join is on 身份证号, so only ID errors remain).
// severity: high
// tags: [integrity, 隐瞒身份, M17]
// parameters:
//   caseTypes:
//     type: string[]
//     default: [赌博, 吸毒, 嫖娼, 卖淫, 饮酒驾驶, 醉酒驾驶, 饮酒后驾驶, 醉酒后驾驶, 殴打他人, 盗窃]
//     description: offence types in scope; a case whose type contains one counts (参与赌博 by 赌博);
//       another wording (吸食毒品 for 吸毒) is listed as the department writes it
//   offenderRoles:
//     type: string[]
//     default: [违法行为人, 组织者, 参赌人员]
//     description: roles that were punished (a 证人 is not)
// identity: [person, policeCase]
// subjects:
//   - { column: person, role: person }
//   - { column: policeCase, role: case }
// evidence: evidence
// summary:
//   zh: "{name}（{who}）于{caseDate}因{caseType}受到处罚（{penalty}），未见党纪政务处分"
//   en: "{name} ({whoEn}) was penalised for {caseType} on {caseDate} ({penalty}); no disciplinary decision followed"
// ---
MATCH pc = (p:Person)-[i:INVOLVED_IN]->(c:PoliceCase)
WHERE any(t IN $caseTypes WHERE c.type CONTAINS t) AND i.role IN $offenderRoles AND coalesce(i.penalty, '') <> '' AND c.time IS NOT NULL
WITH p, i, c, pc, date(c.time) AS d
OPTIONAL MATCH ph = (p)-[h:HOLDS_POST]->(:Org)
WHERE (h.from IS NULL OR h.from <= d) AND (h.to IS NULL OR h.to >= d)
WITH p, i, c, pc, d, collect(ph) AS posts, collect(h.title) AS titles
WITH p, i, c, pc, d, posts, titles,
     p.partyMember = true AND coalesce(p.joinedPartyDate, date('1900-01-01')) <= d AS member
WHERE (member OR size(posts) > 0)
  AND NOT EXISTS { MATCH (p)-[:SANCTIONED]->(s:Sanction) WHERE s.decidedAt >= d }
RETURN p.uid AS person, c.uid AS policeCase, p.name AS name, c.type AS caseType, toString(d) AS caseDate, coalesce(i.penalty, '') AS penalty,
       CASE WHEN member AND size(posts) > 0 THEN '党员、' + titles[0] WHEN member THEN '党员' ELSE titles[0] END AS who,
       CASE WHEN member AND size(posts) > 0 THEN 'Party member and official' WHEN member THEN 'Party member' ELSE 'official' END AS whoEn,
       [pc] + posts AS evidence
