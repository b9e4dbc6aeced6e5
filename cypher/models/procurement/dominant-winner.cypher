// ---
// id: procurement.dominant-winner
// revision: 2
// catalog: M31
// title:
//   zh: 标王：一家企业承接本单位大部分中标金额
//   en: Dominant winner of one unit's awards
// description: >
//   One company won at least dominantMinAwards of the projects a unit tendered, and more than dominantShare
//   of the total value the unit awarded through its tenders, or more than dominantCountShare of its awards
//   by count (标王 / 中标集中度异常; 成都金牛: four firms won 90% of one bureau's water projects; the catalog's
//   "> 60% by amount, or > 90% by count, with ≥ 10 awards"). Shares are over every WON award of the unit's
//   tendered projects, and a unit with fewer than unitMinAwards awards is too small a sample to say anything.
//   Known false positives: specialised single suppliers (the only qualified firm in a thin market),
//   long-term framework agreements. Check the bidders of each award and who in the unit signed off the
//   evaluation.
// severity: medium
// tags: [procurement, 中标集中度, 标王, M31]
// parameters:
//   dominantShare:
//     type: float
//     default: 0.6
//     description: the company's share of the unit's total award value must be above this (0–1)
//   dominantCountShare:
//     type: float
//     default: 0.9
//     description: or the company's share of the unit's awards by count must be above this (0–1; above 1 reads value only)
//   dominantMinAwards:
//     type: integer
//     default: 5
//     description: the company must have won at least this many of the unit's projects
//   unitMinAwards:
//     type: integer
//     default: 10
//     description: the unit must have made at least this many awards (a smaller sample says nothing)
// identity: [unit, company]
// subjects:
//   - { column: unit, role: unit }
//   - { column: company, role: company }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{companyName}中标{unitName}招标项目{awards}个（该单位共{unitAwards}个），金额{amount}元，占该单位中标总金额{totalAmount}元的{sharePct}%"
//   en: "{companyName} won {awards} of the {unitAwards} projects {unitName} tendered, CNY {amount} or {sharePct}% of the CNY {totalAmount} the unit awarded"
// ---
MATCH (o:Org)-[:TENDERED]->(:Project)<-[w0:WON]-(:Company)
WITH o, sum(coalesce(w0.amount, 0.0)) AS totalAmount, count(w0) AS unitAwards
WHERE unitAwards >= $unitMinAwards
MATCH pw = (o)-[:TENDERED]->(x:Project)<-[w:WON]-(c:Company)
WITH o, totalAmount, unitAwards, c, count(w) AS awards, sum(coalesce(w.amount, 0.0)) AS amount, collect(pw) AS evidence
WHERE awards >= $dominantMinAwards
  AND (totalAmount > 0 AND amount / totalAmount > $dominantShare OR toFloat(awards) / unitAwards > $dominantCountShare)
RETURN o.uid AS unit, c.uid AS company, o.name AS unitName, c.name AS companyName,
       awards, unitAwards, amount, totalAmount,
       CASE WHEN totalAmount > 0 THEN round(1000.0 * amount / totalAmount) / 10.0 ELSE 0.0 END AS sharePct,
       evidence
ORDER BY amount DESC
