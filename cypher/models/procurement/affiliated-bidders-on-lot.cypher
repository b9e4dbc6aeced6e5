// ---
// id: procurement.affiliated-bidders-on-lot
// revision: 2
// catalog: M28
// title:
//   zh: 关联企业参与同一标段投标
//   en: Affiliated companies bidding on one lot
// description: >
//   Two different companies bid on the same lot while they are affiliated on the bid date: one person is
//   the legal representative (单位负责人) of both, or one person is the legal representative or an officer
//   (主要人员) of both (shared management: 管理关系), or one holds more than minControlRatio of the other, or
//   one shareholder (person or company) holds more than minControlRatio of each, or the legal representative
//   or an officer (主要人员) of one is close kin (kinRelations) of the legal representative or an officer of
//   the other (家族关联: the two firms are run by one family). 招标投标法实施条例 第34条:
//   单位负责人为同一人或者存在控股、管理关系的不同单位, 不得参加同一标段投标; 第39条 treats collusion among
//   members of one group at its request as 串通投标. Known false positives: a group's subsidiaries bidding
//   different lots (allowed, and not flagged: the lot must be the same); stale registry data after a
//   change of legal representative or a share transfer (check the 变更登记 dates); 股权代持 and 虚假分立
//   hide links this model cannot see.
// severity: high
// tags: [procurement, 关联投标, 条例34, M28]
// parameters:
//   minControlRatio:
//     type: float
//     default: 0.5
//     description: a shareholding strictly above this fraction of the capital counts as control (控股)
//   kinRelations:
//     type: string[]
//     default: [spouse, child, parent, sibling]
//     description: KIN.relation values that tie two firms' officers into one family (夫妻、父母子女、兄弟姐妹); wider kin is common in a county and weak evidence
// identity: [company, company2, project]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company2 }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "关联企业{companyName}与{company2Name}投标同一标段“{projectName}”（{unitName}，编号{projectCode}）：{linksZh}"
//   en: "Affiliated companies {companyName} and {company2Name} bid on the same lot \"{projectName}\" ({unitName}, {projectCode}): {linksEn}"
// ---
// First the pairs of companies with any link at all (few), dates aside; only they go on to the lots both
// bid on and the checks on the bid date below. Pairing every two bidders of every lot first made the
// checks run once per pair of bids.
// The pairs start from the companies that bid at all (c1, one subquery each): a pair whose c1 never bid
// finds no lot below, so the alerts are the same, but at 1,000,000 persons walking the links of all 39,000
// companies (the kin branch alone 4.5 million db hits; 18-21 s cold) shrinks to those of the bidders. Each
// branch keeps its direction, c1 on the same side as before, and the UNION still gives each pair once.
MATCH (c1:Company) WHERE EXISTS { (c1)-[:SUBMITTED]->(:Bid) }
CALL {
  WITH c1
  MATCH (c1)<-[:LEGAL_REP_OF|EXECUTIVE_OF]-(:Person)-[:LEGAL_REP_OF|EXECUTIVE_OF]->(c2:Company)
  WHERE c1 <> c2
  RETURN c2
  UNION
  WITH c1
  MATCH (c1)-[s:SHAREHOLDER_OF]-(c2:Company)
  WHERE s.ratio > $minControlRatio
  RETURN c2
  UNION
  WITH c1
  MATCH (c1)<-[s1:SHAREHOLDER_OF]-()-[s2:SHAREHOLDER_OF]->(c2:Company)
  WHERE s1.ratio > $minControlRatio AND s2.ratio > $minControlRatio
  RETURN c2
  UNION
  WITH c1
  MATCH (c1)<-[:LEGAL_REP_OF|EXECUTIVE_OF]-(p1:Person)-[k:KIN]->(p2:Person)-[:LEGAL_REP_OF|EXECUTIVE_OF]->(c2:Company)
  WHERE k.relation IN $kinRelations AND p1 <> p2 AND c1 <> c2
  RETURN c2
}
WITH c1, c2
WHERE c1.uid < c2.uid
MATCH pa = (c1)-[:SUBMITTED]->(b1:Bid)-[:FOR]->(x:Project)<-[:FOR]-(b2:Bid)<-[:SUBMITTED]-(c2)
WITH c1, c2, x, pa, date(coalesce(b1.submittedAt, b2.submittedAt, x.date)) AS d
CALL {
  WITH c1, c2, d
  MATCH pl = (c1)<-[r1:LEGAL_REP_OF]-(p:Person)-[r2:LEGAL_REP_OF]->(c2)
  WHERE all(r IN [r1, r2] WHERE d IS NULL OR ((r.from IS NULL OR r.from <= d) AND (r.to IS NULL OR r.to >= d)))
  RETURN pl AS link, p.name + '同时担任两家企业的法定代表人' AS zh, p.name + ' is the legal representative of both' AS en
  UNION
  WITH c1, c2, d
  MATCH pl = (c1)<-[r1:LEGAL_REP_OF|EXECUTIVE_OF]-(p:Person)-[r2:LEGAL_REP_OF|EXECUTIVE_OF]->(c2)
  WHERE NOT (type(r1) = 'LEGAL_REP_OF' AND type(r2) = 'LEGAL_REP_OF')
    AND all(r IN [r1, r2] WHERE d IS NULL OR ((r.from IS NULL OR r.from <= d) AND (r.to IS NULL OR r.to >= d)))
  WITH pl, p, r1, r2, {LEGAL_REP_OF: '法定代表人', EXECUTIVE_OF: '主要人员'} AS roleZh, {LEGAL_REP_OF: 'legal representative', EXECUTIVE_OF: 'officer'} AS roleEn
  RETURN pl AS link, p.name + '同时任两家企业的' + roleZh[type(r1)] + '、' + roleZh[type(r2)] + '（管理关系）' AS zh,
         p.name + ' is ' + roleEn[type(r1)] + ' of one and ' + roleEn[type(r2)] + ' of the other' AS en
  UNION
  WITH c1, c2, d
  MATCH pl = (c1)-[s:SHAREHOLDER_OF]-(c2)
  WITH pl, s, startNode(s) AS h, endNode(s) AS t, d
  WHERE s.ratio > $minControlRatio
    AND (d IS NULL OR ((s.from IS NULL OR s.from <= d) AND (s.to IS NULL OR s.to >= d)))
  RETURN pl AS link, h.name + '持有' + t.name + toString(round(s.ratio * 100, 1)) + '%股权（控股）' AS zh,
         h.name + ' holds ' + toString(round(s.ratio * 100, 1)) + '% of ' + t.name AS en
  UNION
  WITH c1, c2, d
  MATCH pl = (c1)<-[s1:SHAREHOLDER_OF]-(h)-[s2:SHAREHOLDER_OF]->(c2)
  WHERE s1.ratio > $minControlRatio AND s2.ratio > $minControlRatio
    AND all(s IN [s1, s2] WHERE d IS NULL OR ((s.from IS NULL OR s.from <= d) AND (s.to IS NULL OR s.to >= d)))
  RETURN pl AS link, h.name + '分别持有两家企业' + toString(round(s1.ratio * 100, 1)) + '%、' + toString(round(s2.ratio * 100, 1)) + '%股权（同一控股股东）' AS zh,
         h.name + ' holds ' + toString(round(s1.ratio * 100, 1)) + '% and ' + toString(round(s2.ratio * 100, 1)) + '% of them (one controlling shareholder)' AS en
  UNION
  WITH c1, c2, d
  MATCH pl = (c1)<-[r1:LEGAL_REP_OF|EXECUTIVE_OF]-(p1:Person)-[k:KIN]->(p2:Person)-[r2:LEGAL_REP_OF|EXECUTIVE_OF]->(c2)
  WHERE k.relation IN $kinRelations AND p1 <> p2
    AND all(r IN [r1, r2] WHERE d IS NULL OR ((r.from IS NULL OR r.from <= d) AND (r.to IS NULL OR r.to >= d)))
    AND (d IS NULL OR k.to IS NULL OR k.to >= d)   // a marriage dissolved before the bid no longer ties them
  WITH c1, c2, pl, p1, p2, k, r1, r2,
       {spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹'} AS kinZh,
       {LEGAL_REP_OF: '法定代表人', EXECUTIVE_OF: '主要人员'} AS roleZh,
       {LEGAL_REP_OF: 'legal representative', EXECUTIVE_OF: 'officer'} AS roleEn
  RETURN pl AS link,
         // KIN.relation says what the end node is to the start node: p2 is p1's spouse, child, …
         c2.name + roleZh[type(r2)] + p2.name + '是' + c1.name + roleZh[type(r1)] + p1.name + '的' + coalesce(kinZh[k.relation], k.relation) + '（家族关联）' AS zh,
         p2.name + ' (' + roleEn[type(r2)] + ' of ' + c2.name + ') is the ' + replace(k.relation, '_', ' ') + ' of ' + p1.name + ' (' + roleEn[type(r1)] + ' of ' + c1.name + ')' AS en
}
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c1, c2, x, collect(DISTINCT o) AS units, collect(DISTINCT zh) AS zhs, collect(DISTINCT en) AS ens,
     collect(DISTINCT pa) + collect(DISTINCT link) + collect(DISTINCT pt) AS evidence
WITH c1, c2, x, units[0] AS o, zhs, ens, evidence
RETURN c1.uid AS company, c2.uid AS company2, x.uid AS project, o.uid AS unit,
       c1.name AS companyName, c2.name AS company2Name, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName,
       reduce(t = '', s IN zhs | t + CASE WHEN t = '' THEN '' ELSE '；' END + s) AS linksZh,
       reduce(t = '', s IN ens | t + CASE WHEN t = '' THEN '' ELSE '; ' END + s) AS linksEn,
       evidence
ORDER BY projectCode, company, company2
