// ---
// id: procurement.bid-ring-communities
// revision: 2
// catalog: M46
// title:
//   zh: 围标团伙：三家及以上企业反复同标段投标且存在关联
//   en: Bid ring of three or more firms that keep bidding together and share identifiers
// description: >
//   M30's rings as communities, not pairs. Two firms are tied when they bid on the same lot at least
//   minTogether times and share something no two independent bidders should: a device (MAC or machine
//   code), deposit account, project manager or contact phone on their two bids for one lot (as M25-M27
//   read them: the same identifier on bids for different lots, a guarantor's account or an 代理记账
//   office's phone, ties nobody), or in the register a contact, an address or a person holding a role
//   (legal representative, shareholder, officer) in both. A ring is a connected group of such ties with
//   at least minRing firms: one alert per ring, every firm a subject. The groups are computed in plain
//   Cypher (a union-find over the tie list); docs/models.md says why not Neo4j GDS. 招标投标法实施条例
//   第40条 lists the shared identifiers as 视为串通投标. Known false positives: a group of firms under one
//   owner that discloses it, consortium partners, an agency filing bids for several firms from one office
//   (a shared device only); check each tie's evidence.
// severity: high
// tags: [procurement, 围标, 串通投标, M30, M46]
// parameters:
//   minTogether:
//     type: integer
//     default: 2
//     description: two firms are tied only if they bid on at least this many of the same lots
//   minRing:
//     type: integer
//     default: 3
//     description: the smallest ring reported (pairs are the pair models' and M30's cover-bidders-and-rings)
// identity: [ring]
// subjects:
//   - { column: company, role: company }
// evidence: evidence
// summary:
//   zh: "围标团伙{size}家企业：{names}；关联：{sharedZh}"
//   en: "A ring of {size} firms: {names}; tied by {sharedEn}"
// ---
MATCH (a:Company)-[:SUBMITTED]->(:Bid)-[:FOR]->(x:Project)<-[:FOR]-(:Bid)<-[:SUBMITTED]-(b:Company)
WHERE a.uid < b.uid
WITH a, b, count(DISTINCT x) AS together
WHERE together >= $minTogether
CALL (a, b) {
  MATCH p = (a)-[:SUBMITTED]->(ba:Bid)-[:USED_DEVICE]->(d:Device)<-[:USED_DEVICE]-(bb:Bid)<-[:SUBMITTED]-(b)
  WHERE d.kind IN ['mac', 'machineCode']
  MATCH q = (a)-[:SUBMITTED]->(ba)-[:FOR]->(:Project)<-[:FOR]-(bb)<-[:SUBMITTED]-(b)
  RETURN ['设备', 'device'] AS via, [p, q] AS paths LIMIT 1
  UNION
  MATCH p = (a)-[:SUBMITTED]->(ba:Bid)-[:DEPOSIT_FROM]->(:BankAccount)<-[:DEPOSIT_FROM]-(bb:Bid)<-[:SUBMITTED]-(b)
  MATCH q = (a)-[:SUBMITTED]->(ba)-[:FOR]->(:Project)<-[:FOR]-(bb)<-[:SUBMITTED]-(b)
  RETURN ['保证金账户', 'deposit account'] AS via, [p, q] AS paths LIMIT 1
  UNION
  MATCH p = (a)-[:SUBMITTED]->(ba:Bid)-[:PROJECT_MANAGER]->(:Person)<-[:PROJECT_MANAGER]-(bb:Bid)<-[:SUBMITTED]-(b)
  MATCH q = (a)-[:SUBMITTED]->(ba)-[:FOR]->(:Project)<-[:FOR]-(bb)<-[:SUBMITTED]-(b)
  RETURN ['项目负责人', 'project manager'] AS via, [p, q] AS paths LIMIT 1
  UNION
  MATCH p = (a)-[:SUBMITTED]->(ba:Bid)-[:CONTACT]->(:Phone)<-[:CONTACT]-(bb:Bid)<-[:SUBMITTED]-(b)
  MATCH q = (a)-[:SUBMITTED]->(ba)-[:FOR]->(:Project)<-[:FOR]-(bb)<-[:SUBMITTED]-(b)
  RETURN ['联系电话', 'contact phone'] AS via, [p, q] AS paths LIMIT 1
  UNION
  MATCH p = (a)-[:HAS_CONTACT|LOCATED_AT]->(s)<-[:HAS_CONTACT|LOCATED_AT]-(b)
  WHERE s:Phone OR s:Email OR s:Address
  RETURN ['联系方式或地址', 'contact or address'] AS via, [p] AS paths LIMIT 1
  UNION
  MATCH p = (a)<-[:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]-(:Person)-[:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(b)
  RETURN ['同一人员任职', 'a person in both'] AS via, [p] AS paths LIMIT 1
}
WITH a, b, together, collect(via) AS vias, reduce(acc = [], ps IN collect(paths) | acc + ps) AS shared
CALL (a, b) {
  MATCH p = (a)-[:SUBMITTED]->(:Bid)-[:FOR]->(:Project)<-[:FOR]-(:Bid)<-[:SUBMITTED]-(b)
  RETURN collect(p)[..3] AS cobids
}
WITH collect({a: a.uid, b: b.uid, vias: vias, evidence: shared + cobids}) AS ties
// Union-find over the ties: each tie merges the groups holding either end (at most two) into one.
WITH ties, reduce(groups = [], t IN ties |
  [g IN groups WHERE NOT (t.a IN g OR t.b IN g)] +
  [reduce(m = [t.a, t.b], g IN [g IN groups WHERE t.a IN g OR t.b IN g] | m + [u IN g WHERE NOT u IN m])]) AS groups
UNWIND groups AS g
WITH ties, g WHERE size(g) >= $minRing
WITH g, [t IN ties WHERE t.a IN g] AS inner
WITH inner, reduce(s = [], t IN inner | s + [v IN t.vias WHERE NOT v IN s]) AS vias,
     COLLECT { UNWIND g AS u RETURN u ORDER BY u } AS members
WITH members, vias, reduce(e = [], t IN inner | e + t.evidence) AS evidence,
     reduce(s = '', u IN members | s + CASE WHEN s = '' THEN '' ELSE ' ' END + u) AS ring
UNWIND members AS uid
MATCH (c:Company {uid: uid})
WITH ring, members, vias, evidence, c,
     COLLECT { UNWIND members AS m MATCH (f:Company {uid: m}) RETURN f.name } AS names
RETURN ring, c.uid AS company, size(members) AS size,
       reduce(s = '', n IN names | s + CASE WHEN s = '' THEN '' ELSE '、' END + n) AS names,
       reduce(s = '', v IN vias | s + CASE WHEN s = '' THEN '' ELSE '、' END + v[0]) AS sharedZh,
       reduce(s = '', v IN vias | s + CASE WHEN s = '' THEN '' ELSE ', ' END + v[1]) AS sharedEn,
       [p IN evidence WHERE c IN nodes(p)] AS evidence
ORDER BY ring, company
