// ---
// id: procurement.shared-deposit-account-on-lot
// revision: 1
// catalog: M26
// title:
//   zh: 同一标段不同投标人的投标保证金从同一账户转出
//   en: Bid deposits of one lot paid from one account
// description: >
//   Two different companies bid on the same lot, and the 投标保证金 of both bids came from the same bank
//   account (交易中心 保证金到账流水, 付款账号). 招标投标法实施条例 第40条第(六)项 deems bids whose deposits
//   are paid from the same unit's or person's account as 视为串通投标. Known false positives: an agency
//   bank's virtual sub-accounts shown under one number (normalise to the real payer account first), a
//   guarantee company or 代理 paying deposits for unrelated clients; check the account holder (户名) and
//   whether it is one of the bidders, an officer of one, or a relative of an officer.
// severity: high
// tags: [procurement, 串通投标, 条例40, M26]
// identity: [company, company2, project]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company2 }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// summary:
//   zh: "{companyName}与{company2Name}投标同一标段“{projectName}”（{unitName}，编号{projectCode}），两家的投标保证金均从账户{accounts}转出"
//   en: "{companyName} and {company2Name} bid on the same lot \"{projectName}\" ({unitName}, {projectCode}); both bid deposits were paid from account {accounts}"
// ---
// Bids of one lot grouped by the account their deposit came from; only groups of two or more bids go on
// to the pairs.
MATCH (x:Project)<-[:FOR]-(b:Bid)-[:DEPOSIT_FROM]->(a:BankAccount)
WITH x, a, collect(b) AS bids
WHERE size(bids) > 1
UNWIND bids AS b1
UNWIND bids AS b2
MATCH pa = (c1:Company)-[:SUBMITTED]->(b1)-[:FOR]->(x)<-[:FOR]-(b2)<-[:SUBMITTED]-(c2:Company)
WHERE c1.uid < c2.uid
MATCH pd = (b1)-[:DEPOSIT_FROM]->(a)<-[:DEPOSIT_FROM]-(b2)
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c1, c2, x, collect(DISTINCT a.number) AS accounts, collect(DISTINCT o) AS units,
     collect(DISTINCT pa) + collect(DISTINCT pd) + collect(DISTINCT pt) AS evidence
WITH c1, c2, x, accounts, units[0] AS o, evidence
RETURN c1.uid AS company, c2.uid AS company2, x.uid AS project, o.uid AS unit,
       c1.name AS companyName, c2.name AS company2Name, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName,
       reduce(s = '', n IN accounts | s + CASE WHEN s = '' THEN '' ELSE '、' END + n) AS accounts,
       evidence
ORDER BY projectCode, company, company2
