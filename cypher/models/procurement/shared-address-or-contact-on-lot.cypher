// ---
// id: procurement.shared-address-or-contact-on-lot
// revision: 1
// title:
//   zh: 同一标段不同投标人地址或联系方式相同
//   en: Bidders of one lot sharing an address or a contact point
// description: >
//   Two different companies bid on the same lot, and they (their registration) or their bids give the same
//   full address, the same street address (one building: city, street and number, whatever the room), or
//   the same phone, fax, e-mail or web address. Addresses and contacts are shared nodes (Address, Phone in
//   E.164, Email, Website; docs/loaders.md), so the same number or mailbox written two ways meets at one
//   node. An address that names no street and number (a country, a province, a city) is never enough.
//   招标投标法实施条例 第40条 deems bids handled by one person or one office 视为串通投标; a shared
//   office or contact is how that shows in the files. Known false positives: firms in one 孵化器 or
//   business centre (same building, other rooms: the street address matches), a 代理记账 office's phone or
//   mailbox written into many firms' files, a group's shared switchboard; check the rooms, who answers the
//   number and whether the firms are related (M28).
// severity: high
// tags: [procurement, 串通投标, 条例40, address, contact]
// identity: [company, company2, project]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company2 }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{companyName}与{company2Name}投标同一标段“{projectName}”（{unitName}，编号{projectCode}），{sharedZh}"
//   en: "{companyName} and {company2Name} bid on the same lot \"{projectName}\" ({unitName}, {projectCode}) and share {sharedEn}"
// ---
// Pairs of different companies on one lot; each side is the company or its bid, so an address on the
// registration and a contact on the bid form both count. A street address matches across two Address
// nodes by streetKey; a full address, phone, e-mail or website is one shared node.
MATCH (x:Project)<-[:FOR]-(b:Bid)<-[:SUBMITTED]-(c:Company)
WITH x, collect({b: b, c: c}) AS bidders
WHERE size(bidders) > 1
UNWIND bidders AS one
UNWIND bidders AS two
WITH x, one.b AS b1, one.c AS c1, two.b AS b2, two.c AS c2
WHERE c1.uid < c2.uid
UNWIND [c1, b1] AS h1
UNWIND [c2, b2] AS h2
MATCH p1 = (h1)-[r1:LOCATED_AT|HAS_CONTACT]->(s1)
WHERE s1:Phone OR s1:Email OR s1:Website OR (s1:Address AND s1.streetKey IS NOT NULL)
MATCH p2 = (h2)-[r2:LOCATED_AT|HAS_CONTACT]->(s2)
WHERE s2 = s1 OR (s1:Address AND s2:Address AND s2.streetKey = s1.streetKey)
WITH x, b1, c1, b2, c2, p1, p2,
     CASE
       WHEN s1:Address AND s1 = s2 THEN ['住所相同（' + s1.full + '）', 'the address ' + s1.full]
       WHEN s1:Address THEN ['门牌地址相同（' + s1.streetKey + '）', 'the street address ' + s1.streetKey]
       WHEN s1:Email THEN ['电子邮箱相同（' + s1.address + '）', 'the e-mail ' + s1.address]
       WHEN s1:Website THEN ['网址相同（' + s1.url + '）', 'the website ' + s1.url]
       WHEN r1.kind = 'fax' OR r2.kind = 'fax' THEN ['传真相同（' + s1.number + '）', 'the fax ' + s1.number]
       ELSE ['联系电话相同（' + s1.number + '）', 'the phone ' + s1.number]
     END AS shared
ORDER BY shared[0]
MATCH pa = (c1)-[:SUBMITTED]->(b1)-[:FOR]->(x)<-[:FOR]-(b2)<-[:SUBMITTED]-(c2)
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c1, c2, x, collect(DISTINCT o) AS units, collect(DISTINCT shared) AS shares,
     collect(DISTINCT pa) + collect(DISTINCT p1) + collect(DISTINCT p2) + collect(DISTINCT pt) AS evidence
WITH c1, c2, x, units[0] AS o, evidence, [s IN shares | s[0]] AS zh, [s IN shares | s[1]] AS en
RETURN c1.uid AS company, c2.uid AS company2, x.uid AS project, o.uid AS unit,
       c1.name AS companyName, c2.name AS company2Name, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName,
       reduce(t = '', s IN zh | t + CASE WHEN t = '' THEN '' ELSE '，' END + s) AS sharedZh,
       reduce(t = '', s IN en | t + CASE WHEN t = '' THEN '' ELSE ', ' END + s) AS sharedEn,
       evidence
ORDER BY projectCode, company, company2
