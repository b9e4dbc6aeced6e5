// ---
// id: procurement.identical-bid-prices
// revision: 1
// catalog: M29
// title:
//   zh: 同一标段不同投标人报价相同（报价异常一致）
//   en: Bidders of one lot quoting the same price
// description: >
//   Two different firms bid on one lot at the same price, or, with maxGapRatio above 0, at prices less than
//   that fraction apart. 招标投标法实施条例 第40条第4项: 不同投标人的投标文件异常一致或者投标报价呈规律性差异,
//   视为投标人相互串通投标. Bids are priced to the yuan (or the fen) against a bill of quantities, so two firms
//   landing on one figure by chance is rare; one firm wrote both, or one price list was handed round.
//   Known false positives: a price fixed by the tender (a 固定总价 or a ceiling every bidder quotes at, such
//   as 最高投标限价 on a small job: compare with the project's budget); a firm's own second bid (not flagged:
//   the two bidders must differ). Patterned prices across three or more bids (等差, very low spread) are a
//   wider test this model does not make.
// severity: high
// tags: [procurement, 串通投标, 条例40, M29]
// parameters:
//   maxGapRatio:
//     type: float
//     default: 0
//     description: two prices count as one when they differ by at most this fraction of the higher (0 = identical)
//   minPrice:
//     type: float
//     default: 0
//     description: ignore bids priced below this (元)
// identity: [company, company2, project]
// subjects:
//   - { column: company, role: company }
//   - { column: company2, role: company2 }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: price
// summary:
//   zh: "{companyName}与{company2Name}投标同一标段“{projectName}”（{unitName}，编号{projectCode}），报价分别为{price}元和{price2}元"
//   en: "{companyName} and {company2Name} bid on the same lot \"{projectName}\" ({unitName}, {projectCode}) at CNY {price} and CNY {price2}"
// ---
// One lot's bids are few (a handful): pair them in memory per lot rather than join every bid with every
// other bid at the same price across the county.
MATCH (x:Project)<-[:FOR]-(b:Bid)<-[:SUBMITTED]-(c:Company)
WHERE b.price IS NOT NULL AND b.price >= $minPrice
WITH x, collect({b: b, c: c}) AS bids
WHERE size(bids) > 1
UNWIND bids AS e1
UNWIND bids AS e2
WITH x, e1, e2
WHERE e1.c.uid < e2.c.uid
  AND abs(e1.b.price - e2.b.price) <= $maxGapRatio * CASE WHEN e1.b.price > e2.b.price THEN e1.b.price ELSE e2.b.price END
WITH x, e1.c AS c1, e2.c AS c2, e1.b AS b1, e2.b AS b2
MATCH pa = (c1)-[:SUBMITTED]->(b1)-[:FOR]->(x)<-[:FOR]-(b2)<-[:SUBMITTED]-(c2)
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
// A firm with two bids on the lot may meet the other firm twice: one alert, every pair of bids as evidence.
WITH x, c1, c2, collect(DISTINCT o)[0] AS o, collect(DISTINCT pa) + collect(DISTINCT pt) AS evidence,
     min(b1.price) AS price, min(b2.price) AS price2
RETURN c1.uid AS company, c2.uid AS company2, x.uid AS project, o.uid AS unit,
       c1.name AS companyName, c2.name AS company2Name, x.name AS projectName, x.code AS projectCode,
       coalesce(o.name, '') AS unitName, price, price2, evidence
ORDER BY projectCode, company, company2
