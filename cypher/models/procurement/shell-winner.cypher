// ---
// id: procurement.shell-winner
// revision: 1
// catalog: M32
// title:
//   zh: 新设空壳企业中标大额项目（为特定项目而生）
//   en: New, tiny company winning a large award
// description: >
//   A company founded less than shellMaxAgeDays before the award date, with at most shellMaxInsured insured
//   staff (企业年报 参保人数), won an award above shellMinAmount (萝卜招标 / 为特定项目而生 / 空壳公司中标).
//   Companies whose insured count is unknown are left out. Known false positives: project companies (SPV,
//   项目公司) that the contract requires to be set up for the project; a new subsidiary of an established
//   group that staffs it from the parent; insured counts from an out-of-date annual report. Check who
//   stands behind the company and how it met the qualification requirements.
// severity: high
// tags: [procurement, 空壳公司, 萝卜招标, M32]
// parameters:
//   shellMaxAgeDays:
//     type: integer
//     default: 365
//     description: the company was founded fewer than this many days before the award date
//   shellMaxInsured:
//     type: integer
//     default: 2
//     description: at most this many insured staff (参保人数)
//   shellMinAmount:
//     type: float
//     default: 1000000
//     description: the award amount must be above this (元)
// identity: [company, project]
// subjects:
//   - { column: company, role: company }
//   - { column: project, role: project }
//   - { column: unit, role: unit }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{companyName}成立于{foundedDate}，参保人数{insured}人，成立{ageDays}天后即于{awardDate}中标{unitName}项目“{projectName}”，金额{amount}元"
//   en: "{companyName}, founded {foundedDate} with {insured} insured staff, won {unitName}'s project \"{projectName}\" on {awardDate}, {ageDays} days later, for CNY {amount}"
// ---
MATCH pw = (c:Company)-[w:WON]->(x:Project)
WHERE w.amount > $shellMinAmount AND c.insuredCount IS NOT NULL AND c.insuredCount <= $shellMaxInsured
  AND c.foundedDate IS NOT NULL AND w.date IS NOT NULL
  AND duration.inDays(c.foundedDate, w.date).days < $shellMaxAgeDays
OPTIONAL MATCH pt = (o:Org)-[:TENDERED]->(x)
RETURN c.uid AS company, x.uid AS project, o.uid AS unit, c.name AS companyName, x.name AS projectName,
       coalesce(o.name, '') AS unitName, toString(c.foundedDate) AS foundedDate, c.insuredCount AS insured,
       duration.inDays(c.foundedDate, w.date).days AS ageDays, toString(w.date) AS awardDate, w.amount AS amount,
       [pw, pt] AS evidence
ORDER BY amount DESC
