// ---
// id: procurement.single-bid-competitive-tender
// revision: 1
// catalog: M43
// title:
//   zh: 竞争性招标仅一家投标即中标
//   en: Competitive tender awarded on a single bid
// description: >
//   A lot put out to competition (公开招标, 邀请招标, 竞争性谈判) was awarded although at most maxBidders
//   firms bid on it (by default one). 招标投标法 第28条: with fewer than three bidders the tenderer must
//   tender again (投标人少于三个的，招标人应当依照本法重新招标); 政府采购法 第36条 makes too few suppliers a
//   ground for 废标. A lone bidder that still wins points to a tender written for one firm (萝卜招标), rivals
//   kept away, or a direct award dressed up as a tender. Set maxBidders to 2 to see every award made on
//   fewer than three bids. Known false positives: a second call after a failed first one, where the law
//   lets the award go ahead with approval (check the project's 重新招标/审批 record); a bid export missing
//   rivals' rows. A lot with no bid loaded at all is not flagged (missing data is no evidence). A firm's
//   second bid on the lot counts once.
// severity: medium
// tags: [procurement, 招标投标法28条, 单一投标, M43]
// parameters:
//   methods:
//     type: string[]
//     default: [公开招标, 邀请招标, 竞争性谈判]
//     description: Project.method values that call for competition (直接发包 is one firm by design)
//   maxBidders:
//     type: integer
//     default: 1
//     description: flag an award when no more than this many different firms bid (2 = every lot below the legal three)
//   minAmount:
//     type: float
//     default: 0
//     description: ignore awards below this amount (元)
// identity: [company, project]
// subjects:
//   - { column: company, role: company }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{unitName}以{method}方式发包的“{projectName}”（编号{projectCode}）仅{bidders}家投标，{companyName}于{awardDate}中标，金额{amount}元"
//   en: "{unitName}'s {method} tender \"{projectName}\" ({projectCode}) drew {bidders} bidder(s); {companyName} won it on {awardDate} for CNY {amount}"
// ---
MATCH pw = (c:Company)-[w:WON]->(x:Project)
WHERE x.method IN $methods AND coalesce(w.amount, 0) >= $minAmount
MATCH pb = (bidder:Company)-[:SUBMITTED]->(:Bid)-[:FOR]->(x)
WITH c, w, x, pw, collect(pb) AS bidPaths, count(DISTINCT bidder) AS bidders
WHERE bidders <= $maxBidders
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
WITH c, w, x, pw, bidPaths, bidders, collect(o)[0] AS o, collect(pt) AS tendered
RETURN c.uid AS company, x.uid AS project, o.uid AS unit,
       c.name AS companyName, x.name AS projectName, x.code AS projectCode, x.method AS method,
       coalesce(o.name, '') AS unitName, bidders, toString(w.date) AS awardDate, w.amount AS amount,
       [pw] + bidPaths + tendered AS evidence
ORDER BY projectCode, company
