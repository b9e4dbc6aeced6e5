#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Synthetic department exports for 湖北省黄冈市蕲春县 (421126), cut-off 2024-09-30.

Standard library only. Deterministic (fixed seed, no set-order dependence).
Writes $QICHUN_OUT/county/* (exports) and $QICHUN_OUT/truth.json (answer key).
"""
import os, sys, json, random, zipfile, math
import datetime as dt
from collections import defaultdict, Counter, OrderedDict
from xml.sax.saxutils import escape as xesc

SEED = 20240930
R = random.Random(SEED)
OUT = os.environ.get('QICHUN_OUT', './out')
CDIR = os.path.join(OUT, 'county')
CUTOFF = dt.date(2024, 9, 30)
D = dt.date
TD = dt.timedelta
AREA = '421126'

# ---------------------------------------------------------------- checksums
IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
IDC = '10X98765432'


def id_check(body):
    return IDC[sum(int(a) * w for a, w in zip(body, IDW)) % 11]


UCH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORGW = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check(b17):
    s = sum(UCH.index(c) * w for c, w in zip(b17, UW))
    return UCH[(31 - s % 31) % 31]


def org_check(o8):
    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    c = 11 - sum(v(a) * w for a, w in zip(o8, ORGW)) % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


USED_IDS = {}
USED_USCC = {}


def make_id(area, birth, male):
    for _ in range(2000):
        s = R.randint(0, 499) * 2 + (1 if male else 0)
        if s == 0:
            continue
        body = '%s%s%03d' % (area, birth.strftime('%Y%m%d'), s)
        if body in USED_IDS:
            continue
        full = body + id_check(body)
        USED_IDS[body] = full
        return full
    raise RuntimeError('id space')


ORGCH = '0123456789ABCDEFGHJKLMNPQRTUWXY'


def make_uscc(prefix2, area, kind='company'):
    while True:
        if kind == 'company':
            o8 = 'MA4' + ''.join(R.choice(ORGCH) for _ in range(5))
        else:
            o8 = '0' + ''.join(R.choice('0123456789') for _ in range(7))
        o9 = o8 + org_check(o8)
        b17 = prefix2 + area + o9
        if b17 in USED_USCC:
            continue
        full = b17 + uscc_check(b17)
        USED_USCC[b17] = full
        return full


def valid_id(s):
    return len(s) == 18 and s[:17].isdigit() and id_check(s[:17]) == s[17]


# ---------------------------------------------------------------- dates
HOLIDAYS = set()
EXTRA_WORK = set()


def _rng(a, b):
    d = a
    while d <= b:
        yield d
        d += TD(1)


for a, b in [((2023, 1, 1), (2023, 1, 2)), ((2023, 1, 21), (2023, 1, 27)), ((2023, 4, 5), (2023, 4, 5)),
             ((2023, 4, 29), (2023, 5, 3)), ((2023, 6, 22), (2023, 6, 24)), ((2023, 9, 29), (2023, 10, 6)),
             ((2023, 12, 30), (2024, 1, 1)), ((2024, 2, 10), (2024, 2, 17)), ((2024, 4, 4), (2024, 4, 6)),
             ((2024, 5, 1), (2024, 5, 5)), ((2024, 6, 8), (2024, 6, 10)), ((2024, 9, 15), (2024, 9, 17)),
             ((2024, 10, 1), (2024, 10, 7))]:
    for x in _rng(D(*a), D(*b)):
        HOLIDAYS.add(x)
for x in [(2023, 1, 28), (2023, 1, 29), (2023, 4, 23), (2023, 5, 6), (2023, 6, 25), (2023, 10, 7), (2023, 10, 8),
          (2024, 2, 4), (2024, 2, 18), (2024, 4, 7), (2024, 4, 28), (2024, 5, 11), (2024, 9, 14), (2024, 9, 29),
          (2024, 10, 12)]:
    EXTRA_WORK.add(D(*x))


def is_workday(d):
    if d in HOLIDAYS:
        return False
    if d in EXTRA_WORK:
        return True
    return d.weekday() < 5


def wd_between(a, b):
    """working days in (a, b]"""
    n, d = 0, a + TD(1)
    while d <= b:
        if is_workday(d):
            n += 1
        d += TD(1)
    return n


def add_wd(a, n):
    d = a
    while n > 0:
        d += TD(1)
        if is_workday(d):
            n -= 1
    return d


def next_workday(d):
    while not is_workday(d):
        d += TD(1)
    return d


def rdate(a, b):
    if b <= a:
        return a
    return a + TD(R.randint(0, (b - a).days))


def f_iso(d):
    return d.strftime('%Y-%m-%d')


def f_slash(d):
    return '%d/%d/%d' % (d.year, d.month, d.day)


def f_compact(d):
    return d.strftime('%Y%m%d')


def f_cn(d):
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def f_dot(d):
    return '%d.%02d' % (d.year, d.month)


def f_ts(t):
    return t.strftime('%Y-%m-%d %H:%M:%S')


def xl_serial(d):
    return (d - D(1899, 12, 30)).days


def months(a, b):
    """list of (y,m) from a=(y,m) to b=(y,m) inclusive"""
    y, m = a
    res = []
    while (y, m) <= b:
        res.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return res


def mdate(ym, day=1):
    return D(ym[0], ym[1], day)


def ym_of(d):
    return (d.year, d.month)


def age_at(birth, d):
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def money(x):
    return '{:,.2f}'.format(x)


# ---------------------------------------------------------------- names
SURN = ('陈' * 9 + '王' * 7 + '李' * 7 + '张' * 6 + '刘' * 5 + '胡' * 6 + '黄' * 5 + '周' * 4 + '吴' * 4 + '徐' * 4 +
        '汪' * 4 + '郑' * 3 + '程' * 3 + '詹' * 3 + '田' * 3 + '余' * 3 + '方' * 3 + '万' * 2 + '杨' * 3 + '高' * 2 +
        '彭' * 2 + '蔡' * 2 + '邓' * 2 + '范' * 2 + '朱' * 2 + '肖' * 2 + '洪' * 2 + '何' * 2 + '冯' + '段' + '夏' * 2 +
        '姜' + '罗' * 2 + '桂' + '卢' + '管' + '饶' + '曹' + '付' + '江' + '童' + '孙' + '韩' + '郭' + '毛' + '严')
GM = '国建华明军伟强志勇文斌杰涛峰磊超刚平辉俊浩宇鹏飞林海波春德兴金旺贵红卫东祥福永元光松成荣庆先友和新忠水山汉雄亮'
GF = '芳丽娟敏静霞燕红梅艳玲兰英秀琴慧婷萍洁莉雪丹倩桂珍凤翠云菊琼春玉花娥荣月莲素霞青佳欣怡悦颖'


def rname(male, sur=None):
    s = sur or R.choice(SURN)
    pool = GM if male else GF
    if R.random() < 0.72:
        return s + R.choice(pool) + R.choice(pool)
    return s + R.choice(pool)


# ---------------------------------------------------------------- geography
TOWNS = [('漕河镇', '101'), ('赤东镇', '102'), ('蕲州镇', '103'), ('管窑镇', '104'), ('彭思镇', '105'), ('横车镇', '106'),
         ('株林镇', '107'), ('刘河镇', '108'), ('檀林镇', '109'), ('张榜镇', '110'), ('大同镇', '111'), ('青石镇', '112')]
VNAMES = ['桐梓河', '花园', '三渡', '红旗', '龙泉', '石桥', '新屋', '杨柳湾', '凤凰', '马垅', '白水', '金鸡', '何家畈', '大樟树',
          '彭家冲', '黄土岭', '竹林', '胡家湾', '李山', '向阳', '丰收', '长石', '高山', '白云', '望天', '洗马', '云丰', '太平',
          '清水', '塘角', '陈家垸', '荆竹', '双沟', '横岗', '上坊', '下湾', '团山', '九棵松', '八里', '赤岭', '枫树', '官桥',
          '南湖', '石门', '观音', '刘公', '梅花', '柳林']
OUT_AREAS = ['421125', '421127', '421122', '421181', '421182', '421102', '420111', '420106', '420281', '340825', '360429']
VILLAGES = []  # dicts
vi = 0
for tname, tcode in TOWNS:
    for k in range(4):
        nm = VNAMES[vi]
        kind = '社区' if (tname == '漕河镇' and k < 2) else '村'
        VILLAGES.append({'town': tname, 'tcode': tcode, 'name': nm + kind, 'code': '%s%02d' % (tcode, k + 1),
                         'kind': '居委会' if kind == '社区' else '村委会'})
        vi += 1


def pcs_of(town):
    return '蕲春县公安局%s派出所' % town[:-1]


# ---------------------------------------------------------------- register
P = OrderedDict()       # pid -> person dict
HH = []                 # households
HHBY = {}               # hh no -> household
COUPLES = []            # (husband, wife, marriage date)
RESERVED = {}           # pid -> reason (not for background use)


def add_person(name, male, birth, area=AREA, in_reg=True):
    pid = make_id(area, birth, male)
    P[pid] = {'id': pid, 'name': name, 'male': male, 'birth': birth, 'nation': '汉族', 'hh': None, 'rel': None,
              'in_reg': in_reg, 'death': None, 'status': '正常', 'zx_reason': '', 'zx_date': None, 'village': None,
              'party': False}
    if R.random() < 0.015:
        P[pid]['nation'] = R.choice(['土家族', '回族', '苗族'])
    return pid


def outsider(male=None, birth=None, area=None):
    male = R.random() < 0.6 if male is None else male
    birth = birth or rdate(D(1965, 1, 1), D(1998, 12, 31))
    return add_person(rname(male), male, birth, area or R.choice(OUT_AREAS), in_reg=False)


def spouse_area():
    return AREA if R.random() < 0.8 else R.choice(OUT_AREAS[:6])


def gen_register():
    seq = 0
    for v in VILLAGES:
        target = R.randint(95, 120)
        n = 0
        hseq = 0
        while n < target:
            hseq += 1
            hhno = '%s%04d' % (v['code'], hseq)
            addr = '湖北省蕲春县%s%s%d组%d号' % (v['town'], v['name'], R.randint(1, 9), R.randint(1, 88))
            if v['kind'] == '居委会':
                addr = '湖北省蕲春县%s%s%s路%d号' % (v['town'], v['name'], R.choice(['东长', '西河', '新街', '蕲艾', '时珍', '滨江']), R.randint(1, 300))
            h = {'hh': hhno, 'addr': addr, 'village': v, 'members': []}
            t = R.random()
            sur = R.choice(SURN)

            def mem(pid, rel):
                P[pid]['hh'] = hhno
                P[pid]['rel'] = rel
                P[pid]['village'] = v
                h['members'].append(pid)

            def couple(hb, wb, hrel='02', wrel='12'):
                hid = add_person(rname(True, sur), True, hb)
                wid = add_person(rname(False), False, wb, spouse_area())
                mem(hid, hrel)
                mem(wid, wrel)
                md = wb.replace(year=wb.year + R.randint(21, 27)) if not (wb.month == 2 and wb.day == 29) else D(wb.year + 23, 3, 1)
                md = md + TD(R.randint(0, 200))
                COUPLES.append((hid, wid, md))
                return hid, wid, md

            def kids(wb, md, codes_son, codes_dau, k, maxyear=2024):
                out = []
                sons = [x for x in range(k) if R.random() < 0.52]
                ns = len(sons)
                nd = k - ns
                si = di = 0
                for x in range(k):
                    male = x in sons
                    by = max(md.year + 1, wb.year + 22) + x * R.randint(1, 4)
                    if by > maxyear:
                        break
                    b = rdate(D(by, 1, 1), min(D(by, 12, 31), CUTOFF - TD(30)))
                    if male:
                        code = '21' if (ns == 1 and nd == 0) else codes_son[min(si, len(codes_son) - 1)]
                        si += 1
                    else:
                        code = '31' if (nd == 1 and ns == 0) else codes_dau[min(di, len(codes_dau) - 1)]
                        di += 1
                    pid = add_person(rname(male, sur), male, b)
                    out.append((pid, code))
                return out

            if t < 0.45:
                hb = rdate(D(1964, 1, 1), D(1996, 12, 31))
                wb = hb + TD(R.randint(-900, 1500))
                hid, wid, md = couple(hb, wb, wrel=R.choice(['12', '12', '10']))
                for pid, code in kids(wb, md, ['22', '23', '24'], ['32', '33', '34'], R.choice([1, 1, 2, 2, 2, 3])):
                    mem(pid, code)
                if R.random() < 0.25:
                    pb = hb - TD(R.randint(22 * 365, 32 * 365))
                    if R.random() < 0.5:
                        mem(add_person(rname(True, sur), True, pb), '51')
                    else:
                        mem(add_person(rname(False), False, pb), '52')
            elif t < 0.62:
                hb = rdate(D(1936, 1, 1), D(1964, 12, 31))
                wb = hb + TD(R.randint(-700, 1500))
                couple(hb, wb)
            elif t < 0.70:
                male = R.random() < 0.4
                hb = rdate(D(1932, 1, 1), D(1959, 12, 31))
                mem(add_person(rname(male, sur), male, hb, AREA if male else spouse_area()), '02')
            elif t < 0.85:
                hb = rdate(D(1950, 1, 1), D(1972, 12, 31))
                wb = hb + TD(R.randint(-700, 1500))
                hid, wid, md = couple(hb, wb)
                sb = rdate(D(max(md.year + 1, 1975), 1, 1), D(min(md.year + 5, 1999), 12, 31))
                son = add_person(rname(True, sur), True, sb)
                mem(son, '22')
                dil = add_person(rname(False), False, sb + TD(R.randint(-700, 900)), spouse_area())
                mem(dil, '38')
                smd = D(max(sb.year + 23, 2000), R.randint(1, 12), R.randint(1, 28))
                if smd > CUTOFF - TD(100):
                    smd = CUTOFF - TD(R.randint(100, 900))
                COUPLES.append((son, dil, smd))
                for x in range(R.choice([0, 1, 1, 2])):
                    by = smd.year + 1 + x * 2
                    if by > 2024:
                        break
                    male = R.random() < 0.5
                    g = add_person(rname(male, sur), male, rdate(D(by, 1, 1), min(D(by, 12, 31), CUTOFF - TD(30))))
                    mem(g, '41' if male else '42')
                if R.random() < 0.3:
                    male = R.random() < 0.5
                    yb = sb + TD(R.randint(500, 2500))
                    mem(add_person(rname(male, sur), male, yb), '23' if male else '32')
            else:
                male = R.random() < 0.65
                hb = rdate(D(1972, 1, 1), D(2001, 12, 31))
                mem(add_person(rname(male, sur), male, hb), '02')
            HH.append(h)
            HHBY[hhno] = h
            n += len(h['members'])
            seq += 1


def hh_members(pid):
    h = HHBY.get(P[pid]['hh'])
    return h['members'] if h else []


def alive(pid, d=CUTOFF):
    p = P[pid]
    return p['death'] is None or p['death'] > d


def kill(pid, d, cremate=True, reg_lag=None):
    p = P[pid]
    p['death'] = d
    p['status'] = '注销'
    p['zx_reason'] = '死亡'
    p['zx_date'] = d + TD(reg_lag if reg_lag is not None else R.randint(3, 40))
    if p['zx_date'] > CUTOFF:
        p['zx_date'] = CUTOFF - TD(1)
    p['cremate'] = cremate


def new_hh(v=None):
    v = v or R.choice(VILLAGES)
    hseq = 9000 + len([h for h in HH if h['village'] is v]) + 1
    hhno = '%s%04d' % (v['code'], hseq)
    addr = '湖北省蕲春县%s%s%d组%d号' % (v['town'], v['name'], R.randint(1, 9), R.randint(1, 88))
    h = {'hh': hhno, 'addr': addr, 'village': v, 'members': []}
    HH.append(h)
    HHBY[hhno] = h
    return h


def put(h, pid, rel):
    P[pid]['hh'] = h['hh']
    P[pid]['rel'] = rel
    P[pid]['village'] = h['village']
    P[pid]['in_reg'] = True
    h['members'].append(pid)


def fam(v, spec, reason):
    """spec: list of (key, rel, male, birth, area, surname_from_key_or_None). returns dict key->pid"""
    h = new_hh(v)
    out = {}
    for key, rel, male, birth, area, sk in spec:
        sur = P[out[sk]]['name'][0] if sk else None
        pid = add_person(rname(male, sur), male, birth, area or AREA)
        put(h, pid, rel)
        out[key] = pid
        RESERVED[pid] = reason
    return out


# ---------------------------------------------------------------- organisations
ORGS = OrderedDict()


def add_org(key, name, kind, code, size, secs, uscc=None):
    pref = {'党政机关': '11', '事业单位': '12', '国有企业': '91', '村委会': '54', '居委会': '54'}[kind]
    ORGS[key] = {'key': key, 'name': name, 'kind': kind, 'code': code, 'size': size, 'secs': secs,
                 'uscc': uscc or make_uscc(pref, AREA, 'company' if kind == '国有企业' else 'gov'), 'staff': []}
    return ORGS[key]


GEN_SECS = ['办公室', '计划财务股', '政策法规股']
add_org('xw', '中共蕲春县委', '党政机关', '101001', 0, ['县委领导'])
add_org('zf', '蕲春县人民政府', '党政机关', '102001', 0, ['县政府领导'])
add_org('xwb', '中共蕲春县委办公室', '党政机关', '101002', 7, ['秘书科', '综合科', '督查室'])
add_org('zfb', '蕲春县人民政府办公室', '党政机关', '102002', 8, ['秘书科', '综合科', '法制科'])
add_org('jw', '中共蕲春县纪律检查委员会', '党政机关', '103001', 8, ['信访室', '案件监督管理室', '第一监督检查室', '案件审理室'])
add_org('fgj', '蕲春县发展和改革局', '党政机关', '111001', 6, GEN_SECS + ['投资股'])
add_org('jyj', '蕲春县教育局', '党政机关', '112001', 7, GEN_SECS + ['基础教育股', '基建股'])
add_org('gaj', '蕲春县公安局', '党政机关', '113001', 10, ['政治处', '治安管理大队', '交通警察大队', '法制大队'])
add_org('mzj', '蕲春县民政局', '党政机关', '114001', 6, GEN_SECS + ['社会救助股', '婚姻登记处'])
add_org('czj', '蕲春县财政局', '党政机关', '115001', 8, GEN_SECS + ['预算股', '国库股'])
add_org('rsj', '蕲春县人力资源和社会保障局', '党政机关', '116001', 6, GEN_SECS + ['社会保险股'])
add_org('zrj', '蕲春县自然资源和规划局', '党政机关', '117001', 8, GEN_SECS + ['矿产资源股', '耕地保护股', '规划股'])
add_org('zjj', '蕲春县住房和城乡建设局', '党政机关', '118001', 9, GEN_SECS + ['村镇建设股', '建筑业管理股', '城建股'])
add_org('jtj', '蕲春县交通运输局', '党政机关', '119001', 8, GEN_SECS + ['公路股', '运输管理股', '建设管理股'])
add_org('slj', '蕲春县水利和湖泊局', '党政机关', '120001', 8, GEN_SECS + ['工程建设股', '水资源股', '河湖长制股'])
add_org('nyj', '蕲春县农业农村局', '党政机关', '121001', 8, GEN_SECS + ['种植业股', '农田建设股'])
add_org('wjj', '蕲春县卫生健康局', '党政机关', '122001', 7, GEN_SECS + ['医政医管股', '基层卫生股'])
add_org('scj', '蕲春县市场监督管理局', '党政机关', '123001', 12, GEN_SECS + ['食品经营股', '食品生产股', '登记注册股', '执法大队'])
add_org('cgj', '蕲春县城市管理执法局', '党政机关', '124001', 8, GEN_SECS + ['市政设施股', '执法大队'])
add_org('yjj', '蕲春县应急管理局', '党政机关', '125001', 5, GEN_SECS + ['防汛抗旱股'])
add_org('wlj', '蕲春县文化和旅游局', '党政机关', '126001', 5, GEN_SECS + ['文物股'])
add_org('sjj', '蕲春县审计局', '党政机关', '127001', 5, GEN_SECS + ['投资审计股'])
add_org('zwj', '蕲春县政务服务和大数据管理局', '党政机关', '128001', 6, GEN_SECS + ['政务服务股', '大数据股'])
add_org('xfj', '蕲春县信访局', '党政机关', '129001', 5, ['办公室', '接访股', '督查股'])
TOWN_ORG = {}
for i, (tn, tc) in enumerate(TOWNS):
    o = add_org('t' + tc, '蕲春县%s人民政府' % tn, '党政机关', '6%02d001' % (i + 1), 8,
                ['党政综合办公室', '经济发展办公室', '社会事务办公室', '财政所', '村镇建设服务中心'])
    TOWN_ORG[tn] = o
    o['town'] = tn
add_org('yz', '蕲春县第一高级中学', '事业单位', '212001', 16, ['高一年级组', '高二年级组', '高三年级组', '总务处'])
add_org('sz', '蕲春县实验高级中学', '事业单位', '212002', 12, ['高一年级组', '高二年级组', '教务处'])
add_org('rmyy', '蕲春县人民医院', '事业单位', '222001', 18, ['内科', '外科', '护理部', '医务科'])
add_org('zyy', '蕲春县中医医院', '事业单位', '222002', 10, ['针灸科', '内科', '护理部'])
add_org('cdc', '蕲春县疾病预防控制中心', '事业单位', '222003', 6, ['办公室', '检验科', '免疫规划科'])
add_org('jyzx', '蕲春县公共资源交易中心', '事业单位', '128002', 5, ['交易服务部', '信息部'])
for k, tn in enumerate(['漕河镇', '蕲州镇', '横车镇', '刘河镇']):
    add_org('xx%d' % k, '蕲春县%s中心小学' % tn, '事业单位', '2120%02d' % (k + 11), 6, ['教务处', '语文教研组', '数学教研组'])
for k, tn in enumerate(['赤东镇', '株林镇', '大同镇']):
    add_org('wsy%d' % k, '蕲春县%s卫生院' % tn, '事业单位', '2220%02d' % (k + 11), 5, ['门诊部', '公卫科'])
add_org('ct', '蕲春县城市建设投资有限公司', '国有企业', '', 0, [])
for v in VILLAGES:
    v['uscc'] = make_uscc('54', AREA, 'gov')

STAFF = OrderedDict()   # pid -> staff record
LEADER_POSTS = {'局长', '副局长', '党委书记', '镇长', '副镇长', '党委副书记', '县委书记', '县长', '常务副县长', '副县长',
                '县委副书记', '院长', '副院长', '校长', '副校长', '主任', '副主任', '党委委员', '纪委书记', '副书记', '大队长'}


def add_staff(pid, okey, post, sec=None, rank=None, leader=None, bz=None, ws=None, ps=None, party=None, lic=''):
    o = ORGS[okey]
    p = P[pid]
    if ws is None:
        ws = rdate(D(max(p['birth'].year + 21, 1985), 7, 1), D(max(p['birth'].year + 21, 1985) + 3, 9, 1))
        if ws > D(2023, 8, 1):
            ws = D(2023, 8, 1) - TD(R.randint(0, 400))
    if ps is None:
        ps = rdate(max(ws, D(2015, 1, 1)), D(2023, 6, 30)) if ws < D(2023, 6, 30) else ws
    if leader is None:
        leader = post in LEADER_POSTS
    if bz is None:
        bz = '事业' if o['kind'] == '事业单位' else ('参公' if okey in ('jw',) else '行政')
    if rank is None:
        if o['kind'] == '事业单位':
            rank = R.choice(['专业技术十级', '专业技术九级', '专业技术八级', '专业技术十一级', '管理八级'])
        elif leader:
            rank = '正科级' if post in ('局长', '党委书记', '镇长') else '副科级'
        else:
            rank = R.choice(['一级科员', '四级主任科员', '三级主任科员', '二级主任科员', '一级主任科员'])
    if party is None:
        party = True if leader else (R.random() < 0.62)
    rec = {'pid': pid, 'org': okey, 'post': post, 'sec': sec or R.choice(o['secs']), 'rank': rank,
           'leader': leader, 'bz': bz, 'ws': ws, 'ps': ps, 'party': party, 'lic': lic, 'note': ''}
    STAFF[pid] = rec
    o['staff'].append(pid)
    p['party'] = party
    return rec


VCADRE = OrderedDict()   # pid -> village cadre rec

# ---------------------------------------------------------------- planted people
PL = {}     # label -> pid


def B(y1, y2):
    return rdate(D(y1, 1, 1), D(y2, 12, 28))


def V(town=None):
    cand = [v for v in VILLAGES if town is None or v['town'] == town]
    return R.choice(cand)


def plant_people():
    # --- M02 county leaders
    f = fam(V('漕河镇'), [('l', '02', True, B(1970, 1973), None, None), ('w', '12', False, B(1971, 1974), None, None),
                         ('c', '21', True, B(2001, 2003), None, 'l')], 'M02')
    PL['m02a_leader'], PL['m02a_spouse'] = f['l'], f['w']
    add_staff(f['l'], 'zf', '副县长', sec='县政府领导', rank='副处级', leader=True, ws=D(1994, 7, 15), ps=D(2021, 9, 10), party=True)
    f = fam(V('漕河镇'), [('l', '02', True, B(1966, 1968), None, None), ('w', '12', False, B(1967, 1969), None, None),
                         ('s', '22', True, B(1992, 1994), None, 'l'), ('d', '32', False, B(1997, 1999), None, 'l')], 'M02')
    PL['m02b_leader'], PL['m02b_child'] = f['l'], f['s']
    add_staff(f['l'], 'zf', '县委常委、常务副县长', sec='县政府领导', rank='副处级', leader=True, ws=D(1989, 8, 1), ps=D(2020, 12, 25), party=True)
    f = fam(V('漕河镇'), [('l', '02', True, B(1967, 1970), None, None), ('w', '12', False, B(1968, 1971), None, None),
                         ('d', '31', False, B(1994, 1996), None, 'l')], 'M02')
    PL['m02c_leader'], PL['m02c_daughter'] = f['l'], f['d']
    add_staff(f['l'], 'zf', '副县长', sec='县政府领导', rank='副处级', leader=True, ws=D(1991, 7, 1), ps=D(2022, 1, 12), party=True)
    h = add_person(rname(True), True, B(1992, 1994), '421125', in_reg=False)
    RESERVED[h] = 'M02'
    PL['m02c_soninlaw'] = h
    COUPLES.append((h, f['d'], D(2021, 5, 20)))
    P[f['d']]['married_out'] = True
    f = fam(V('赤东镇'), [('fa', '02', True, B(1946, 1949), None, None), ('mo', '12', False, B(1947, 1950), None, None),
                         ('l', '22', True, B(1974, 1976), None, 'fa'), ('lw', '38', False, B(1975, 1977), None, None),
                         ('b', '23', True, B(1979, 1982), None, 'fa')], 'M02')
    PL['m02n1_leader'], PL['m02n1_brother'] = f['l'], f['b']
    add_staff(f['l'], 'xw', '县委副书记', sec='县委领导', rank='副处级', leader=True, ws=D(1997, 7, 1), ps=D(2021, 10, 8), party=True)
    COUPLES.append((f['l'], f['lw'], D(2001, 10, 3)))
    f = fam(V('漕河镇'), [('e', '02', True, B(1984, 1987), None, None), ('w', '12', False, B(1985, 1988), None, None),
                         ('k', '31', False, B(2013, 2015), None, 'e')], 'M02')
    PL['m02n2_staff'], PL['m02n2_spouse'] = f['e'], f['w']
    add_staff(f['e'], 'mzj', '科员', sec='社会救助股', rank='一级科员', leader=False, ws=D(2010, 9, 1), party=False)
    COUPLES.append((f['e'], f['w'], D(2012, 4, 28)))

    # --- M01 officials themselves
    def simple(town, by, male=True, reason='M01'):
        f = fam(V(town), [('a', '02', male, B(by, by + 2), None, None), ('b', '12' if male else '11', not male, B(by, by + 3), None, None)], reason)
        COUPLES.append((f['a'], f['b'], D(by + 26, R.randint(1, 12), R.randint(1, 28))) if male else (f['b'], f['a'], D(by + 26, 5, 1)))
        return f['a']
    PL['m01a'] = simple('刘河镇', 1983)
    add_staff(PL['m01a'], 'nyj', '科员', sec='种植业股', rank='四级主任科员', leader=False, ws=D(2012, 8, 20), party=True)
    PL['m01b'] = simple('赤东镇', 1978)
    add_staff(PL['m01b'], 't102', '副镇长', sec='经济发展办公室', leader=True, ws=D(2003, 7, 1), ps=D(2020, 6, 18), party=True)
    PL['m01c'] = simple('管窑镇', 1981)
    add_staff(PL['m01c'], 'zrj', '科员', sec='矿产资源股', rank='三级主任科员', leader=False, ws=D(2006, 9, 1), party=True)
    PL['m01n1'] = simple('漕河镇', 1989)
    add_staff(PL['m01n1'], 'czj', '科员', sec='国库股', rank='一级科员', leader=False, ws=D(2016, 7, 1), party=False)
    PL['m01n2'] = simple('横车镇', 1977)
    add_staff(PL['m01n2'], 'sjj', '科员', sec='投资审计股', rank='二级主任科员', leader=False, ws=D(2001, 8, 1), party=True)

    # --- M08
    f = fam(V('张榜镇'), [('m', '02', False, B(1960, 1962), None, None), ('k', '21', True, B(1989, 1991), None, None)], 'M08')
    PL['m08a'], PL['m08a_head'] = f['k'], f['m']
    add_staff(f['k'], 'sz', '教师', sec='高二年级组', leader=False, ws=D(2014, 8, 28), party=False)
    f = fam(V('彭思镇'), [('h', '02', True, B(1983, 1985), None, None), ('l', '12', False, B(1985, 1987), None, None),
                         ('k', '31', False, B(2012, 2014), None, 'h')], 'M08')
    PL['m08b'], PL['m08b_head'], PL['m08b_kid'] = f['l'], f['h'], f['k']
    COUPLES.append((f['h'], f['l'], D(2010, 11, 6)))
    add_staff(f['l'], 't105', '科员', sec='社会事务办公室', rank='一级科员', leader=False, ws=D(2011, 3, 1), party=False)
    f = fam(V('横车镇'), [('h', '02', True, B(1970, 1972), None, None), ('w', '12', False, B(1971, 1973), None, None),
                         ('m', '31', False, B(1999, 2000), None, 'h')], 'M08')
    PL['m08n1'], PL['m08n1_head'], PL['m08n1_w'] = f['m'], f['h'], f['w']
    add_staff(f['m'], 'rmyy', '护士', sec='护理部', leader=False, ws=D(2023, 9, 1), ps=D(2023, 9, 1), party=False)

    # --- M17
    PL['m17a'] = simple('蕲州镇', 1985, reason='M17')
    add_staff(PL['m17a'], 'yz', '教师', sec='高三年级组', leader=False, ws=D(2008, 8, 30), party=True)
    PL['m17b'] = simple('管窑镇', 1987, reason='M17')
    add_staff(PL['m17b'], 't104', '科员', sec='党政综合办公室', rank='一级科员', leader=False, ws=D(2012, 10, 1), party=True)
    PL['m17c'] = simple('青石镇', 1972, reason='M17')
    PL['m17c_village'] = P[PL['m17c']]['village']
    PL['m17n2'] = simple('大同镇', 1996, reason='M17')
    add_staff(PL['m17n2'], 'cdc', '检验员', sec='检验科', leader=False, ws=D(2023, 9, 1), ps=D(2023, 9, 1), party=False)

    # --- M19
    for lab, okey, post, sec, by in [('m19a', 'zjj', '股长', '村镇建设股', 1976), ('m19b', 'scj', '科员', '食品经营股', 1984),
                                      ('m19c', 'jtj', '副股长', '公路股', 1980), ('m19n1', 'jyj', '科员', '基础教育股', 1982),
                                      ('m19n2', 'zjj', '科员', '建筑业管理股', 1985)]:
        PL[lab] = simple(R.choice(['漕河镇', '蕲州镇', '赤东镇']), by, reason='M19')
        add_staff(PL[lab], okey, post, sec=sec, leader=False, ws=D(by + 22, 8, 1), party=True)

    # --- M21
    for lab, okey, post, sec, by in [('m21a', 'slj', '科员', '水资源股', 1975), ('m21b', 'cgj', '科员', '执法大队', 1983),
                                      ('m21n1', 'czj', '科员', '预算股', 1970), ('m21n2', 'fgj', '科员', '投资股', 1979)]:
        PL[lab] = simple(R.choice(['漕河镇', '株林镇', '彭思镇']), by, reason='M21')
        add_staff(PL[lab], okey, post, sec=sec, leader=False, ws=D(by + 22, 7, 10), party=R.random() < 0.5)
    f = fam(V('大同镇'), [('a', '02', True, D(1963, 11, 6), None, None), ('b', '12', False, D(1965, 2, 17), None, None)], 'M21')
    PL['m21c'] = f['a']
    add_staff(f['a'], 't111', '科员', sec='财政所', rank='一级主任科员', leader=False, ws=D(1984, 9, 1), party=True)

    # --- M33: 卫健局 deputy + brother in parents' household
    f = fam(V('漕河镇'), [('fa', '02', True, B(1950, 1952), None, None), ('mo', '12', False, B(1951, 1953), None, None),
                         ('l', '22', True, B(1976, 1978), None, 'fa'), ('lw', '38', False, B(1977, 1979), None, None),
                         ('b', '23', True, B(1981, 1983), None, 'fa')], 'M33')
    PL['m33a_official'], PL['m33a_brother'] = f['l'], f['b']
    add_staff(f['l'], 'wjj', '副局长', sec='医政医管股', leader=True, ws=D(1999, 8, 1), ps=D(2019, 3, 6), party=True)
    COUPLES.append((f['l'], f['lw'], D(2003, 1, 18)))

    # --- M11 elderly
    for lab, by in [('m11a', 1938), ('m11b', 1945), ('m11c', 1941), ('m11n1', 1940), ('m11n2', 1943)]:
        f = fam(V(), [('a', '02', R.random() < 0.5, B(by, by), None, None)], 'M11')
        PL[lab] = f['a']


def fill_roster():
    # county leaders not planted
    def cand(town=None, amin=24, amax=57):
        res = []
        for pid, p in P.items():
            if not p['in_reg'] or p['status'] != '正常' or pid in RESERVED or pid in STAFF or pid in VCADRE:
                continue
            a = age_at(p['birth'], CUTOFF)
            if a < amin or a > amax:
                continue
            if town and p['village']['town'] != town:
                continue
            res.append(pid)
        return res
    base = cand()
    R.shuffle(base)
    used = set(STAFF)

    def take(town=None, amin=24, amax=57):
        if town and R.random() < 0.7:
            c = [x for x in cand(town, amin, amax) if x not in used]
            if c:
                x = R.choice(c)
                used.add(x)
                return x
        while True:
            x = base.pop()
            if x in used:
                continue
            a = age_at(P[x]['birth'], CUTOFF)
            if amin <= a <= amax:
                used.add(x)
                return x

    def one(okey, post, **kw):
        amin, amax = kw.pop('amin', 24), kw.pop('amax', 57)
        if R.random() < 0.06:
            pid = outsider(birth=B(2024 - amax, 2024 - amin))
        else:
            pid = take(ORGS[okey].get('town'), amin, amax)
        return add_staff(pid, okey, post, **kw)

    one('xw', '县委书记', sec='县委领导', rank='正处级', leader=True, amin=45, amax=56)
    one('zf', '县长', sec='县政府领导', rank='正处级', leader=True, amin=44, amax=55)
    one('zf', '副县长', sec='县政府领导', rank='副处级', leader=True, amin=40, amax=55)
    one('jw', '书记', sec='案件监督管理室', rank='副处级', leader=True, amin=42, amax=55)
    for okey, o in ORGS.items():
        if o['kind'] not in ('党政机关', '事业单位') or o['size'] == 0:
            continue
        have = len(o['staff'])
        posts = []
        if o['kind'] == '党政机关' and okey.startswith('t'):
            posts = ['党委书记', '镇长', '副镇长', '党委委员']
        elif o['kind'] == '党政机关':
            posts = ['局长' if okey not in ('xwb', 'zfb', 'jw') else '主任', '副局长' if okey not in ('xwb', 'zfb', 'jw') else '副主任', '副局长' if okey not in ('xwb', 'zfb', 'jw') else '副主任', '股长']
        elif okey in ('yz', 'sz') or okey.startswith('xx'):
            posts = ['校长', '副校长']
        else:
            posts = ['院长', '副院长'] if okey != 'jyzx' and okey != 'cdc' else ['主任', '副主任']
        exist_posts = [STAFF[x]['post'] for x in o['staff']]
        for pst in posts:
            if pst in exist_posts and pst not in ('副局长', '副镇长'):
                continue
            one(okey, pst, amin=32)
        while len(o['staff']) < o['size'] + have // 2:
            if o['kind'] == '事业单位':
                pst = {'yz': '教师', 'sz': '教师', 'rmyy': R.choice(['医师', '主治医师', '护士']), 'zyy': R.choice(['医师', '护士']),
                       'cdc': '科员', 'jyzx': '科员'}.get(okey, '教师' if okey.startswith('xx') else R.choice(['医师', '护士']))
            else:
                pst = '科员'
            one(okey, pst)
    # 市场监管 inspectors (market-supervision stations)
    stations = ['漕河市场监管所', '蕲州市场监管所', '赤东市场监管所', '横车市场监管所', '株林市场监管所', '执法大队']
    INSPECTORS.clear()
    for i in range(22):
        r = one('scj', '科员', sec=stations[i % len(stations)])
        r['lic'] = '鄂%d' % (42112600000 + 1000 * (i + 1) + R.randint(1, 999))
        INSPECTORS.append(r['pid'])
    # village cadres
    for v in VILLAGES:
        posts = ['党支部书记兼村委会主任', '村委会副主任', '村委会委员', '村务监督委员会主任'] if v['kind'] == '村委会' else \
                ['党委书记兼居委会主任', '居委会副主任', '居委会委员', '居务监督委员会主任']
        for k, pst in enumerate(posts):
            if v is PL['m17c_village'] and k == 2:
                pid = PL['m17c']
            else:
                c = [x for x in cand(v['town'], 30, 63) if x not in used and P[x]['village'] is v]
                if not c:
                    c = [x for x in cand(v['town'], 30, 63) if x not in used]
                pid = R.choice(c)
                used.add(pid)
            party = True if k in (0, 3) or pid == PL['m17c'] else R.random() < 0.6
            VCADRE[pid] = {'pid': pid, 'village': v, 'post': pst, 'party': party,
                           'from': D(2021, 1, R.randint(8, 28)) if R.random() < 0.8 else D(2018, 1, R.randint(8, 28)),
                           'term': '第十一届' if R.random() < 0.8 else '第十届'}
            P[pid]['party'] = party


INSPECTORS = []


# ---------------------------------------------------------------- deaths, migration
def bg_life_events():
    for pid, p in list(P.items()):
        if not p['in_reg'] or pid in RESERVED or pid in STAFF or pid in VCADRE or p['status'] != '正常':
            continue
        a = age_at(p['birth'], D(2022, 6, 30))
        pr = 0.30 if a >= 85 else 0.13 if a >= 75 else 0.045 if a >= 65 else 0.006 if a >= 40 else 0.0008
        if R.random() < pr:
            kill(pid, rdate(D(2021, 1, 1), D(2024, 9, 20)), cremate=R.random() < 0.9)
        elif 22 <= a <= 40 and R.random() < 0.012:
            p['status'] = '注销'
            p['zx_reason'] = '迁出'
            p['zx_date'] = rdate(D(2021, 1, 1), D(2024, 9, 20))
            p['moved_to'] = R.choice(['湖北省武汉市洪山区', '广东省深圳市宝安区', '湖北省黄冈市黄州区', '浙江省杭州市余杭区'])


# ---------------------------------------------------------------- welfare (民政)
DB = []      # 低保/特困 families: {'fid','cat','app','members':[(pid, rel, start, end, endreason)],'start','end','town','village'}
PEN = []     # pension rows
JGSY_RET = {}  # pid -> retirement month (机关事业)


def in_staff_hh(pid):
    return any(m in STAFF or m in VCADRE for m in hh_members(pid))


def gen_welfare():
    fidn = [0]

    def newfid(v):
        fidn[0] += 1
        return 'DB%s%05d' % (v['code'], fidn[0])
    hhs = [h for h in HH if not any(m in RESERVED or m in STAFF or m in VCADRE for m in h['members'])]
    R.shuffle(hhs)
    ndb = 0
    ntk = 0
    for h in hhs:
        mem_alive = [m for m in h['members'] if P[m]['status'] != '注销' or (P[m]['death'] and P[m]['death'] > D(2023, 1, 1))]
        if not mem_alive:
            continue
        head = h['members'][0]
        single_old = len(h['members']) == 1 and age_at(P[head]['birth'], D(2023, 1, 1)) >= 65
        if single_old and ntk < 55 and R.random() < 0.5 and (P[head]['death'] is None or P[head]['death'] > D(2023, 3, 1)):
            st = rdate(D(2014, 1, 1), D(2022, 12, 1))
            DB.append({'fid': newfid(h['village']), 'cat': '特困供养(分散)', 'app': head, 'start': st, 'end': None,
                       'members': [[head, '本人', st, None, '']], 'village': h['village'], 'amt': R.choice([780, 800, 820, 860])})
            ntk += 1
            continue
        if ndb < 105 and R.random() < 0.12 and len(mem_alive) <= 5:
            st = rdate(D(2015, 1, 1), D(2024, 3, 1)).replace(day=1)
            app = mem_alive[0]
            mem = []
            for m in mem_alive:
                rel = '本人' if m == app else {'10': '配偶', '11': '配偶', '12': '配偶', '51': '父母', '52': '父母', '41': '孙子女', '42': '孙子女', '38': '其他'}.get(P[m]['rel'], '子女')
                mem.append([m, rel, st, None, ''])
            fam_ = {'fid': newfid(h['village']), 'cat': '城市低保' if h['village']['kind'] == '居委会' else '农村低保',
                    'app': app, 'start': st, 'end': None, 'members': mem, 'village': h['village'],
                    'amt': R.choice([280, 300, 320, 340, 360]) if h['village']['kind'] == '村委会' else R.choice([420, 450, 480])}
            if R.random() < 0.1 and st < D(2023, 3, 1):
                fam_['end'] = rdate(D(2023, 3, 1), D(2024, 6, 30)).replace(day=1) - TD(1)
                fam_['endreason'] = R.choice(['家庭收入超过保障标准', '家庭人均收入超标', '自愿退出'])
                for x in mem:
                    x[3] = fam_['end']
                    x[4] = fam_['endreason']
            DB.append(fam_)
            ndb += 1
    # member deaths end membership
    for f in DB:
        for x in f['members']:
            d = P[x[0]]['death']
            if d and (x[3] is None or x[3] > d):
                x[3] = d
                x[4] = '死亡'
        ad = P[f['app']]['death']
        if ad and (f['end'] is None or f['end'] > ad):
            f['end'] = ad
            f['endreason'] = '死亡'

    # --- planted M08
    st = D(2022, 3, 1)
    DB.append({'fid': newfid(P[PL['m08a_head']]['village']), 'cat': '农村低保', 'app': PL['m08a_head'], 'start': st, 'end': None,
               'members': [[PL['m08a_head'], '本人', st, None, ''], [PL['m08a'], '子女', st, None, '']],
               'village': P[PL['m08a_head']]['village'], 'amt': 330})
    st = D(2023, 5, 1)
    DB.append({'fid': newfid(P[PL['m08b_head']]['village']), 'cat': '农村低保', 'app': PL['m08b_head'], 'start': st, 'end': None,
               'members': [[PL['m08b_head'], '本人', st, None, ''], [PL['m08b'], '配偶', st, None, ''], [PL['m08b_kid'], '子女', st, None, '']],
               'village': P[PL['m08b_head']]['village'], 'amt': 300})
    st = D(2021, 1, 1)
    en = D(2023, 6, 30)
    DB.append({'fid': newfid(P[PL['m08n1_head']]['village']), 'cat': '农村低保', 'app': PL['m08n1_head'], 'start': st, 'end': en,
               'endreason': '家庭人均收入超标',
               'members': [[PL['m08n1_head'], '本人', st, en, '家庭人均收入超标'], [PL['m08n1_w'], '配偶', st, en, '家庭人均收入超标'],
                           [PL['m08n1'], '子女', st, en, '家庭人均收入超标']],
               'village': P[PL['m08n1_head']]['village'], 'amt': 320})
    # --- planted M11 特困 death; M08 name collision (特困 person renamed)
    kill(PL['m11b'], D(2024, 2, 17), cremate=True, reg_lag=9)
    st = D(2019, 4, 1)
    DB.append({'fid': newfid(P[PL['m11b']]['village']), 'cat': '特困供养(分散)', 'app': PL['m11b'], 'start': st, 'end': None,
               'members': [[PL['m11b'], '本人', st, None, '']], 'village': P[PL['m11b']]['village'], 'amt': 820})
    tk = [f for f in DB if f['cat'].startswith('特困') and f['end'] is None and f['app'] != PL['m11b'] and P[f['app']]['death'] is None]
    f = tk[3]
    payroll_staff = [pid for pid, s in STAFF.items() if s['bz'] != '编外聘用' and pid not in RESERVED and P[pid]['male'] == P[f['app']]['male']]
    twin = R.choice(payroll_staff)
    P[f['app']]['name'] = P[twin]['name']
    PL['m08n2_tk'], PL['m08n2_staff'] = f['app'], twin
    RESERVED[f['app']] = 'M08'


def gen_pension():
    # 机关事业 retirees (not on payroll)
    olds = [pid for pid, p in P.items() if p['in_reg'] and pid not in RESERVED and pid not in STAFF and pid not in VCADRE
            and 62 <= age_at(p['birth'], D(2023, 1, 1)) <= 80 and not in_staff_hh(pid)]
    R.shuffle(olds)
    for pid in olds[:34]:
        JGSY_RET[pid] = (2000, 1)
    JGSY_RET[PL['m21c']] = (2023, 12)
    mlist = months((2023, 1), (2024, 9))
    bank = {}
    for pid, p in P.items():
        if not p['in_reg']:
            continue
        is_j = pid in JGSY_RET
        if pid in STAFF and not is_j:
            continue
        base = R.choice([4350, 4680, 5120, 5560, 6030]) if is_j else R.choice([148, 153, 158, 166, 173, 185, 203, 231])
        bank[pid] = R.choice(['湖北农信蕲春农商银行', '中国邮政储蓄银行蕲春县支行', '中国农业银行蕲春县支行'])
        for ym in mlist:
            if is_j:
                if ym < JGSY_RET[pid]:
                    continue
            else:
                if age_at(p['birth'], mdate(ym, 28)) < 60:
                    continue
            d = p['death']
            if d and ym > ym_of(d):
                if pid in (PL['m11a'], PL['m11c']):
                    pass
                else:
                    continue
            if pid == PL['m11c'] and ym > (2024, 6):
                continue
            if p['status'] == '注销' and p['zx_reason'] == '迁出' and mdate(ym) > p['zx_date']:
                continue
            amt = base + (20 if ym >= (2024, 1) and not is_j else 0) + (130 if ym >= (2024, 1) and is_j else 0)
            payday = next_workday(mdate(ym, 10))
            item = '基本养老金' if is_j else '基础养老金+个人账户养老金'
            if pid == PL['m11n2'] and ym in ((2024, 4), (2024, 5)):
                payday = D(2024, 6, 12)
                item = '基础养老金+个人账户养老金(补发)'
            PEN.append([pid, '机关事业单位基本养老保险' if is_j else '城乡居民基本养老保险', item, ym, amt, payday, bank[pid]])
        if p['death'] and D(2023, 1, 1) <= p['death'] and not is_j and age_at(p['birth'], p['death']) >= 60 and pid not in (PL['m11a'], PL['m11c']) \
                and (R.random() < 0.45 or pid == PL['m11n1']):
            payday = next_workday(p['death'] + TD(R.randint(20, 75)))
            if payday <= CUTOFF:
                PEN.append([pid, '城乡居民基本养老保险', '丧葬补助金', ym_of(payday), R.choice([1000, 1200]), payday, bank[pid]])
    PEN.sort(key=lambda r: (r[3], r[0]))


# ---------------------------------------------------------------- market entities
CO = OrderedDict()
ZIHAO = ['鸿运', '恒信', '金诚', '泰丰', '顺达', '楚天', '华洋', '锦程', '瑞丰', '博远', '兴旺', '宏图', '永盛', '德信', '天成', '万通',
         '和润', '正泰', '东方', '长江', '赤龙', '凤鸣', '雨湖', '蕲阳', '龙峰', '云丰', '佳和', '利民', '汇通', '安康', '福源', '嘉禾',
         '聚源', '明达', '骏业', '晟弘', '卓越', '中瑞', '金鼎', '广厦', '信达', '海天', '荣昌', '新宇', '华腾', '致远', '鼎盛', '益丰',
         '润泽', '祥瑞', '隆盛', '春晖', '立信', '同创', '远航', '康泰', '盛世', '兴业', '景福', '建华', '诚德', '昌盛', '大地', '晨光',
         '天宇', '华中', '鹏程', '启航', '宇辰', '汉林', '博大', '金桥', '百川', '禾丰', '一品', '合力', '四季', '家和', '乐福', '湖畔',
         '荆楚', '艾乡', '药都', '鑫源', '恒达', '宏业', '众诚', '光明', '振兴', '伟业', '通达', '创新', '鑫盛', '金阳', '银河', '宏源',
         '天正', '华盛', '新世纪', '恒通', '联创', '久安', '长虹', '仁和', '开元', '润达', '凯旋', '绿洲', '青山', '龙腾', '顺丰源', '中兴',
         '华宇', '天顺', '恒泰', '永安', '盛达', '金鹏', '安达', '德润', '宏泰', '富邦', '泰和', '瑞祥', '东升', '鼎新', '天和', '嘉信',
         '永兴', '丰源', '恒昌', '锦华', '宏基', '蓝天', '江汉', '楚韵', '富华', '兴达', '金泰', '广源', '万隆', '聚丰', '瑞达', '金信',
         '汇丰源', '中和', '康达', '博瑞', '新源', '鑫达', '宝丰', '吉祥', '同心', '大成', '华新', '恒丰', '长兴', '凯达', '信和', '天利']
ZI_USED = {}
SHOPW = ['老街', '阿红', '小李', '胡记', '蕲艾', '湖畔', '聚福', '好再来', '老王', '一品香', '福满楼', '乡味', '张记', '顺心', '便民',
         '惠民', '邻家', '家乐', '鲜丰', '佳佳', '兴隆', '旺角', '红红', '春来', '金满', '嘉嘉', '陈记', '田园', '时珍', '桂花']
SHOPT = ['饭店', '面馆', '餐馆', '农家乐', '超市', '便利店', '副食店', '烧烤店', '早餐店', '药店', '粮油店', '酒楼']


def zihao():
    for _ in range(500):
        z = R.choice(ZIHAO)
        if z not in ZI_USED:
            ZI_USED[z] = 1
            return z
    z = R.choice(ZIHAO) + R.choice('盛达源兴隆')
    ZI_USED[z] = 1
    return z


POOL = []


def build_pool():
    for pid, p in P.items():
        if not p['in_reg'] or p['status'] != '正常' or pid in RESERVED or pid in STAFF or pid in VCADRE:
            continue
        a = age_at(p['birth'], CUTOFF)
        if a < 25 or a > 66:
            continue
        if in_staff_hh(pid):
            continue
        if any(pid == x[0] for f in DB for x in f['members']):
            continue
        POOL.append(pid)
    R.shuffle(POOL)


def role_person(local=True):
    if local and POOL and R.random() < 0.88:
        return POOL.pop()
    return outsider(area=R.choice(OUT_AREAS[:8]))


def mobile():
    return R.choice(['13', '15', '18', '17']) + str(R.randint(0, 9)) + '%08d' % R.randint(0, 99999999)


HUB_PHONE = '0713-7226688'
HUB_ADDR = '湖北省蕲春县漕河镇东长路88号财富大厦5楼'


def add_co(name, cat, local=True, area=AREA, typ=None, est=None, rep=None, status='存续', sdate=None, capital=None,
           industry=None, phone=None, addr=None, holders=None, officers=None, pref='91'):
    uscc = make_uscc(pref, area)
    est = est or rdate(D(2003, 1, 1), D(2022, 12, 31))
    rep = rep or role_person(local)
    indiv = pref == '92'
    c = {'uscc': uscc, 'name': name, 'cat': cat, 'local': local, 'type': typ or ('个体工商户' if indiv else '有限责任公司(自然人投资或控股)'),
         'est': est, 'rep': rep, 'status': status, 'sdate': sdate, 'capital': capital if capital is not None else (
             R.choice([10, 20, 30, 50]) if indiv else R.choice([100, 200, 300, 500, 800, 1000, 1200, 2000, 3000, 5000])),
         'industry': industry, 'phone': phone or (('0713-72%05d' % R.randint(0, 99999)) if R.random() < 0.5 else mobile()),
         'addr': addr or ('湖北省蕲春县%s%s' % (R.choice(TOWNS)[0], R.choice(['东长路', '西河街', '蕲艾大道', '时珍大道', '滨江路', '工业园路', '新街', '向阳路']) + '%d号' % R.randint(1, 400))),
         'holders': holders if holders is not None else [], 'officers': officers if officers is not None else [], 'indiv': indiv}
    if not indiv and holders is None:
        n = R.choice([1, 1, 2, 2, 3])
        ppl = [rep] + [role_person(local) for _ in range(n - 1)]
        rest = 100.0
        for i, h in enumerate(ppl):
            ratio = rest if i == n - 1 else R.choice([51, 60, 70, 80]) if i == 0 else round(rest * R.choice([0.4, 0.5, 0.6]), 0)
            rest -= ratio
            c['holders'].append({'kind': '自然人股东', 'pid': h, 'ratio': ratio, 'amt': round(c['capital'] * ratio / 100, 2),
                                 'from': est, 'to': None})
    if not indiv and officers is None:
        c['officers'].append({'pid': rep, 'role': R.choice(['执行董事兼总经理', '执行董事', '董事长兼总经理']), 'from': est, 'to': None})
        sup = c['holders'][1]['pid'] if len(c['holders']) > 1 else role_person(local)
        c['officers'].append({'pid': sup, 'role': '监事', 'from': est, 'to': None})
        if R.random() < 0.3:
            c['officers'].append({'pid': role_person(local), 'role': R.choice(['经理', '财务负责人']), 'from': est + TD(R.randint(0, 900)), 'to': None})
    CO[uscc] = c
    return c


CONS_SUFFIX = {'房建': ['建筑工程有限公司', '建设工程有限公司', '建筑安装工程有限公司', '装饰工程有限公司'],
               '市政': ['市政工程有限公司', '建设工程有限公司', '建设集团有限公司'],
               '水利': ['水利水电工程有限公司', '水利建设有限公司'],
               '交通': ['路桥工程有限公司', '交通建设工程有限公司', '公路工程有限公司'],
               '园林': ['园林绿化工程有限公司', '生态园林有限公司']}
CATS = ['房建', '市政', '水利', '交通', '园林']
BIDPOOL = {c: [] for c in CATS}
AGENTS = []
OUTPLACES = [('421102', '黄冈市'), ('421125', '浠水县'), ('421181', '麻城市'), ('420111', '武汉市'), ('421182', '武穴市'), ('420106', '武汉市')]


def cons_co(cat, local=True, pool=True, **kw):
    if local:
        nm = '蕲春县%s%s' % (zihao(), R.choice(CONS_SUFFIX[cat]))
        c = add_co(nm, 'cons', local=True, industry='土木工程建筑业' if cat != '房建' else '房屋建筑业', **kw)
    else:
        ar, pl = R.choice(OUTPLACES)
        nm = '%s%s%s' % ('湖北' if R.random() < 0.4 else pl, zihao(), R.choice(CONS_SUFFIX[cat]))
        c = add_co(nm, 'cons', local=False, area=ar, industry='土木工程建筑业', **kw)
    c['bcat'] = cat
    c['ip'] = '%s.%d.%d' % (R.choice(['58.19', '27.17', '221.235', '119.96', '59.175']), R.randint(0, 255), R.randint(2, 254))
    c['mac'] = '-'.join('%02X' % R.randint(0, 255) for _ in range(6))
    c['disk'] = R.choice(['WD-WCC%s', 'S3Z%sA', 'ZA%s', '2K%s']) % ''.join(R.choice('0123456789ABCDEFGHJKLMNPRSTVWXYZ') for _ in range(8))
    c['contact'] = role_person(local)
    c['mobile'] = mobile()
    c['proxy'] = c['contact'] if R.random() < 0.5 else role_person(local)
    c['bank'] = R.choice(['中国建设银行蕲春支行', '中国农业银行蕲春县支行', '湖北蕲春农村商业银行股份有限公司', '中国工商银行蕲春支行', '汉口银行黄冈分行'])
    c['acct'] = R.choice(['4205', '1732', '8201', '1820']) + ''.join(R.choice('0123456789') for _ in range(15))
    if pool:
        BIDPOOL[cat].append(c['uscc'])
    return c


def gen_companies():
    for cat, nl, no in [('房建', 22, 10), ('市政', 18, 8), ('水利', 14, 6), ('交通', 14, 7), ('园林', 8, 3)]:
        for _ in range(nl):
            cons_co(cat, True)
        for _ in range(no):
            cons_co(cat, False)
    # hub accountant address/phone shared by many small firms (代理记账)
    hub = [u for u in BIDPOOL['房建'][:3] + BIDPOOL['市政'][:2]]
    for u in hub:
        CO[u]['phone'] = HUB_PHONE
        CO[u]['addr'] = HUB_ADDR
    # agents
    for nm, local in [('蕲春县鸿业工程咨询有限公司', True), ('湖北楚晟项目管理有限公司', True), ('蕲春县中信招标代理有限公司', True),
                      ('黄冈市正信工程造价咨询有限公司', False), ('湖北华中招投标咨询有限公司', False), ('湖北明德建设项目管理有限公司', False),
                      ('蕲春县天衡工程管理有限公司', True)]:
        c = add_co(nm, 'agent', local=local, area=AREA if local else R.choice(['421102', '420106']), industry='工程管理服务')
        AGENTS.append(c['uscc'])
    # food / retail / others
    for i in range(60):
        add_co('蕲春县%s%s' % (zihao(), R.choice(['餐饮管理有限公司', '食品有限公司', '餐饮有限公司', '酒店管理有限公司'])), 'food', industry='餐饮业')
    for i in range(110):
        t = R.choice(TOWNS)[0]
        nm = '蕲春县%s%s%s' % (t, R.choice(SHOPW), R.choice(SHOPT))
        if any(c['name'] == nm for c in CO.values()):
            nm = '蕲春县%s%s%s%s' % (t, R.choice(SHOPW), R.choice('东南西北'), R.choice(SHOPT))
        add_co(nm, 'food' if '店' not in nm[-2:] or '饭' in nm else 'retail', pref='92', typ='个体工商户',
               industry='餐饮业' if any(k in nm for k in ['饭', '面', '餐', '农家', '烧烤', '早餐', '酒楼']) else '零售业',
               est=rdate(D(2008, 1, 1), D(2024, 6, 30)))
    for i in range(30):
        add_co('蕲春县%s%s' % (zihao(), R.choice(['商贸有限公司', '建材有限公司', '农业科技有限公司', '物流有限公司', '蕲艾制品有限公司'])), 'trade',
               industry=R.choice(['批发业', '零售业', '农业服务业', '道路运输业']))
    for u in list(CO)[-30:-22]:
        CO[u]['phone'] = HUB_PHONE
        CO[u]['addr'] = HUB_ADDR
    # some cancelled / revoked ordinary companies
    for c in list(CO.values()):
        if c['cat'] in ('food', 'retail', 'trade') and R.random() < 0.08:
            c['status'] = R.choice(['注销', '注销', '吊销，未注销'])
            c['sdate'] = rdate(max(c['est'] + TD(400), D(2012, 1, 1)), D(2024, 8, 31))
    # inspection-grade food factory (驻厂监管)
    c = add_co('蕲春县李时珍%s食品有限公司' % zihao(), 'food', industry='食品制造业', capital=3000, est=D(2011, 5, 9))
    PL['m40n1_factory'] = c['uscc']


def plant_deaths():
    kill(PL['m11a'], D(2023, 12, 8), cremate=True, reg_lag=12)
    kill(PL['m11c'], D(2024, 1, 5), cremate=False, reg_lag=21)
    kill(PL['m11n1'], D(2024, 3, 11), cremate=True, reg_lag=8)
    kill(PL['m11n2'], D(2024, 5, 28), cremate=True, reg_lag=6)
    kill(PL['m21a'], D(2024, 3, 14), cremate=True, reg_lag=10)
    kill(PL['m21n1'], D(2024, 6, 18), cremate=True, reg_lag=7)


# ---------------------------------------------------------------- public-resource trading
PROJECTS = []
LOTS = []
CATCODE = {'房建': 'FJ', '市政': 'SZ', '水利': 'SL', '交通': 'JT', '园林': 'YL'}
PNAME = {
    '房建': ['{u}综合楼维修改造工程', '{u}学生宿舍楼建设工程', '{u}门诊楼装修改造工程', '{u}办公用房改造工程', '{u}食堂及附属设施建设工程',
           '{u}周转房建设工程', '{u}风貌改造工程'],
    '市政': ['城区{r}路雨污分流改造工程', '城区{r}路提档升级工程', '{t}集镇污水管网建设工程', '{t}集镇道路改造工程', '老旧小区改造工程（{r}片区）',
           '城区{r}路人行道及路灯改造工程'],
    '水利': ['{t}{v}水库除险加固工程', '{t}农村饮水安全巩固提升工程', '{t}{v}小流域综合治理工程', '{t}高标准农田建设项目', '{t}{v}泵站更新改造工程',
           '{t}中小河流治理工程'],
    '交通': ['{t}{v}通村公路提档升级工程', '{t}至{t2}公路大中修工程', '{t}{v}危桥改造工程', '{t}农村公路安防工程', '{t}{v}通组公路硬化工程'],
    '园林': ['城区{r}路绿化提升工程', '{t}集镇游园建设工程', '蕲河{r}段生态景观工程'],
}
ROADS = ['东长', '西河', '蕲艾', '时珍', '滨江', '向阳', '新街', '车站', '大桥', '和平', '胜利', '建设', '人民', '北门', '南门']
BUYER_CAT = {'zjj': ['房建', '市政'], 'jtj': ['交通'], 'slj': ['水利'], 'nyj': ['水利'], 'cgj': ['市政', '园林'], 'jyj': ['房建'],
             'wjj': ['房建'], 'wlj': ['房建', '园林'], 'yjj': ['房建'], 'yz': ['房建'], 'sz': ['房建'], 'rmyy': ['房建'],
             'zyy': ['房建'], 'ct': ['市政', '房建', '园林'], 'fgj': ['房建'], 'xx0': ['房建'], 'xx1': ['房建']}
for tn, tc in TOWNS:
    BUYER_CAT['t' + tc] = ['市政', '水利', '交通', '房建']
CONTROLLED = ['slj', 'jyj', 'wjj', 'wlj', 't103', 't107', 'zjj', 'cgj']
FREE_BUYERS = [b for b in BUYER_CAT if b not in CONTROLLED]
NOPOOL = {}   # companies excluded from random background bidding
FORCED_LOSE = {}
WINS = Counter()
BIDS = Counter()
BUYER_WINS = defaultdict(Counter)
AGENT_USE = defaultdict(Counter)


def pname(buyer, cat):
    o = ORGS[buyer]
    t = o.get('town') or R.choice(TOWNS)[0]
    v = R.choice([x['name'] for x in VILLAGES if x['town'] == t])
    u = o['name'].replace('蕲春县', '') if buyer not in ('ct',) else R.choice(['县城', '城东新区', '蕲州古城'])
    if buyer.startswith('t'):
        u = o['name'].replace('人民政府', '').replace('蕲春县', '')
    cands = PNAME[cat]
    if cat == '房建':
        cands = [x for x in cands if ('宿舍' not in x or buyer in ('yz', 'sz', 'jyj', 'xx0', 'xx1')) and ('门诊' not in x or buyer in ('rmyy', 'zyy', 'wjj'))]
    tmpl = R.choice(cands)
    return '蕲春县' + tmpl.format(u=u, r=R.choice(ROADS), t=t, v=v.replace('村', '').replace('社区', ''), t2=R.choice(TOWNS)[0])


def pick_agent(buyer, avoid=()):
    c = [a for a in AGENTS if a not in avoid]
    R.shuffle(c)
    c.sort(key=lambda a: AGENT_USE[buyer][a])
    return c[0]


def open_time(d):
    d = next_workday(d)
    return dt.datetime(d.year, d.month, d.day, R.choice([9, 9, 10, 14, 15]), R.choice([0, 30]))


def new_project(buyer, when, cat, nlots=1, agent=None, method=None, name=None, budgets=None, avoid_agents=()):
    method = method or R.choices(['公开招标', '邀请招标', '竞争性磋商', '竞争性谈判'], [85, 4, 8, 3])[0]
    agent = agent or pick_agent(buyer, avoid_agents)
    AGENT_USE[buyer][agent] += 1
    ann = when - TD(R.randint(21, 35))
    pr = {'buyer': buyer, 'cat': cat, 'name': name or pname(buyer, cat), 'agent': agent, 'method': method, 'ann': ann,
          'open': open_time(when), 'lots': []}
    for k in range(nlots):
        b = budgets[k] if budgets else round(math.exp(R.uniform(math.log(60), math.log(2200))), 2)
        if method != '公开招标' and not budgets:
            b = round(min(b, R.uniform(50, 380)), 2)
        ctrl = round(b * R.uniform(0.93, 1.0), 2)
        lot = {'proj': pr, 'k': k + 1, 'budget': b, 'ctrl': ctrl, 'bidders': [], 'winner': None, 'price': {}, 'res': {},
               'lname': ('第%s标段' % '一二三四'[k]) if nlots > 1 else '全部', 'dev': {}, 'tel': {}, 'proxy': {}}
        pr['lots'].append(lot)
        LOTS.append(lot)
    PROJECTS.append(pr)
    return pr


def settle(lot, bidders, winner=None, lowest=True, rprice=(0.86, 0.985)):
    buyer = lot['proj']['buyer']
    lot['bidders'] = list(bidders)
    if winner is None:
        cands = [b for b in bidders if b not in FORCED_LOSE]
        ws = [(1.0 / (1 + WINS[b]) ** 1.6) * (0.15 if BUYER_WINS[buyer][b] >= 2 else 1.0) for b in cands]
        winner = R.choices(cands, ws)[0]
    lot['winner'] = winner
    cy = lot['ctrl'] * 10000
    prices = sorted(round(cy * R.uniform(*rprice), 2) for _ in bidders)
    others = [b for b in bidders if b != winner]
    R.shuffle(others)
    if lowest or len(prices) < 3:
        order = [winner] + others
    else:
        order = [others[0], winner] + others[1:]
    for b, pz in zip(order, prices):
        lot['price'][b] = pz
    ranked = sorted(bidders, key=lambda b: lot['price'][b])
    ranked.remove(winner)
    for b in bidders:
        lot['res'][b] = '未中标'
    lot['res'][winner] = '中标'
    if ranked:
        lot['res'][ranked[0]] = '第二中标候选人'
    if len(ranked) > 1:
        lot['res'][ranked[1]] = '第三中标候选人'
    for b in ranked[2:]:
        if R.random() < 0.06:
            lot['res'][b] = '无效投标'
    WINS[winner] += 1
    for b in bidders:
        BIDS[b] += 1
    BUYER_WINS[buyer][winner] += 1


def bg_bidders(cat, n, extra=(), avoid=()):
    pool = [u for u in BIDPOOL[cat] if u not in NOPOOL and u not in avoid]
    s = R.sample(pool, min(n, len(pool)))
    for e in extra:
        if e not in s:
            s[R.randrange(len(s))] = e
    return s


def wdate(y1, y2=None):
    a = D(y1, 2, 20)
    b = D(y2 or y1, 12, 20) if (y2 or y1) < 2024 else D(2024, 9, 20)
    return rdate(a, b)


TP = {}   # tender plant info


def add_loser(lot, u):
    lot['bidders'].append(u)
    mx = max(lot['price'].values())
    lot['price'][u] = round(min(lot['ctrl'] * 10000 * 0.995, mx * R.uniform(1.001, 1.02)), 2)
    lot['res'][u] = '未中标'
    BIDS[u] += 1


def spread_dates(n, a, b):
    ds = sorted(rdate(a, b) for _ in range(n))
    return ds


def gen_tenders():
    def np_(c):
        NOPOOL[c['uscc']] = 1
        return c['uscc']
    E = BIDPOOL['房建'][7]
    NOPOOL[E] = 1
    FORCED_LOSE[E] = 1
    free_cat = lambda cats: [b for b in FREE_BUYERS if any(c in BUYER_CAT[b] for c in cats)]
    # ---- M30 ring A (cover bidders, fixed winner)
    WA = np_(cons_co('市政'))
    CA = [np_(cons_co(R.choice(['市政', '房建']))) for _ in range(3)]
    for c in CA:
        FORCED_LOSE[c] = 1
    buyers = free_cat(['市政', '房建'])
    per = Counter()
    lotsA = []
    for i, d in enumerate(spread_dates(24, D(2021, 3, 1), D(2024, 8, 30))):
        b = R.choice([x for x in buyers if per[x] < 3])
        per[b] += 1
        cat = '市政' if '市政' in BUYER_CAT[b] else '房建'
        pr = new_project(b, d, cat, method='公开招标', budgets=[round(R.uniform(180, 1200), 2)])
        lot = pr['lots'][0]
        bid = [WA] + (CA if i % 8 else CA[:2]) + bg_bidders(cat, R.choice([0, 1, 2]))
        if i in (5, 17):
            ex = bg_bidders(cat, 1, avoid=bid)[0]
            bid.append(ex)
            settle(lot, bid, winner=ex)
        else:
            settle(lot, bid, winner=WA, rprice=(0.90, 0.985))
        lotsA.append(lot)
    TP['ringA'] = (WA, CA, lotsA)
    # ---- M30 ring B (rotation)
    RB = [np_(cons_co('水利')) for _ in range(3)]
    buyers = [b for b in FREE_BUYERS if b.startswith('t') or b == 'nyj']
    lotsB = []
    for i, d in enumerate(spread_dates(12, D(2021, 4, 1), D(2024, 7, 30))):
        b = R.choice(buyers)
        pr = new_project(b, d, '水利', method='公开招标', budgets=[round(R.uniform(150, 900), 2)])
        lot = pr['lots'][0]
        bid = RB[:] + bg_bidders('水利', R.choice([1, 1, 2]))
        settle(lot, bid, winner=RB[i % 3], rprice=(0.955, 0.975))
        lotsB.append(lot)
    TP['ringB'] = (RB, lotsB)
    # ---- M30 ring C (cover bidders, fixed winner, 交通)
    WC = np_(cons_co('交通'))
    DC = [np_(cons_co('交通')), np_(cons_co('交通', local=False))]
    for c in DC:
        FORCED_LOSE[c] = 1
    buyers = [b for b in FREE_BUYERS if b.startswith('t') or b == 'jtj']
    per = Counter()
    lotsC = []
    for i, d in enumerate(spread_dates(21, D(2021, 5, 1), D(2024, 9, 10))):
        b = R.choice([x for x in buyers if per[x] < (4 if x == 'jtj' else 3)])
        per[b] += 1
        pr = new_project(b, d, '交通', method='公开招标', budgets=[round(R.uniform(120, 800), 2)])
        lot = pr['lots'][0]
        bid = [WC] + DC + bg_bidders('交通', R.choice([0, 1, 2, 2]))
        if i in (8, 15):
            ex = bg_bidders('交通', 1, avoid=bid)[0]
            bid.append(ex)
            settle(lot, bid, winner=ex)
        else:
            settle(lot, bid, winner=WC, rprice=(0.92, 0.985))
        lotsC.append(lot)
    TP['ringC'] = (WC, DC, lotsC)
    # ---- M30 near miss: thin-market pair (园林), winners vary
    G = [np_(cons_co('园林')), np_(cons_co('园林'))]
    lotsG = []
    for i, d in enumerate(spread_dates(7, D(2021, 6, 1), D(2024, 6, 30))):
        b = R.choice(['ct'] + [x for x in FREE_BUYERS if x.startswith('t')])
        pr = new_project(b, d, '园林', method='公开招标')
        lot = pr['lots'][0]
        bid = G + bg_bidders('园林', R.choice([2, 3]))
        w = {0: G[0], 3: G[0], 1: G[1], 5: G[1]}.get(i)
        settle(lot, bid, winner=w if w else R.choice(bid[2:]))
        lotsG.append(lot)
    TP['nm30b'] = (G, lotsG)
    # ---- M31 plants & near misses (controlled buyers)
    def controlled(buyer, n, cat_list, top, top_n, top_b, oth_b, years=(2021, 2024)):
        ds = spread_dates(n, D(years[0], 3, 1), D(years[1], 9, 15) if years[1] == 2024 else D(years[1], 12, 15))
        idx = list(range(n))
        R.shuffle(idx)
        won = set(idx[:top_n])
        lots = []
        co = Counter()
        for i, d in enumerate(ds):
            cat = R.choice(cat_list)
            bud = round(R.uniform(*(top_b if i in won else oth_b)), 2)
            pr = new_project(buyer, d, cat, method='公开招标', budgets=[bud])
            lot = pr['lots'][0]
            bid = bg_bidders(cat, R.choice([3, 4, 5, 6]), avoid=(top,) + tuple(u for u in co if co[u] >= 3))
            for u in bid:
                co[u] += 1
            if i in won:
                bid.append(top)
                settle(lot, bid, winner=top)
            else:
                if R.random() < 0.6:
                    bid.append(top)
                settle(lot, bid, winner=R.choice([x for x in bid if x != top and x not in FORCED_LOSE]))
            lots.append(lot)
        return lots
    X = np_(cons_co('水利'))
    TP['m31a'] = (X, controlled('slj', 14, ['水利'], X, 11, (380, 1500), (80, 260)))
    Y = np_(cons_co('市政'))
    TP['m31b'] = (Y, controlled('t103', 12, ['市政'], Y, 9, (200, 700), (120, 380)))
    Z = np_(cons_co('房建'))
    TP['m31n1'] = (Z, controlled('wlj', 7, ['房建'], Z, 6, (150, 600), (100, 300)))
    J8 = np_(cons_co('房建'))
    TP['m31n2'] = (J8, controlled('jyj', 15, ['房建'], J8, 8, (100, 280), (180, 460)))
    # ---- M33 agents
    bro = PL['m33a_brother']
    A1c = add_co('蕲春县%s工程项目管理有限公司' % zihao(), 'agent', rep=bro, industry='工程管理服务', est=D(2019, 11, 26),
                 holders=[], officers=[])
    o2 = role_person()
    A1c['holders'] = [{'kind': '自然人股东', 'pid': bro, 'ratio': 70.0, 'amt': 140.0, 'from': A1c['est'], 'to': None},
                      {'kind': '自然人股东', 'pid': o2, 'ratio': 30.0, 'amt': 60.0, 'from': A1c['est'], 'to': None}]
    A1c['capital'] = 200
    A1c['officers'] = [{'pid': bro, 'role': '执行董事兼总经理', 'from': A1c['est'], 'to': None},
                       {'pid': o2, 'role': '监事', 'from': A1c['est'], 'to': None}]
    A1 = A1c['uscc']
    A2 = add_co('湖北%s招标代理有限公司' % zihao(), 'agent', industry='工程管理服务', est=D(2018, 6, 5))['uscc']
    Pq = [np_(cons_co('房建')), np_(cons_co('房建'))]
    ds = spread_dates(11, D(2021, 3, 1), D(2024, 9, 1))
    a1_idx = [0, 1, 2, 4, 5, 6, 8, 9, 10]
    seqw = [Pq[0], Pq[1], Pq[0], None, Pq[0], Pq[1], Pq[0], Pq[1], None]
    lots33a = []
    for i, d in enumerate(ds):
        if i in a1_idx:
            pr = new_project('wjj', d, '房建', agent=A1, method='公开招标', budgets=[round(R.uniform(150, 500), 2)])
            w = seqw[a1_idx.index(i)]
            bid = Pq + bg_bidders('房建', R.choice([2, 3, 4]))
            settle(pr['lots'][0], bid, winner=w if w else R.choice(bid[2:]))
            lots33a.append(pr['lots'][0])
        else:
            pr = new_project('wjj', d, '房建', method='公开招标', avoid_agents=(A1,), budgets=[round(R.uniform(150, 500), 2)])
            settle(pr['lots'][0], bg_bidders('房建', R.choice([4, 5])))
    TP['m33a'] = (A1, Pq, lots33a)
    ST = [np_(cons_co('市政')), np_(cons_co('市政'))]
    ds = spread_dates(10, D(2021, 4, 1), D(2024, 8, 20))
    a2_idx = [0, 1, 3, 4, 5, 6, 8, 9]
    seqw = [ST[0], ST[0], ST[1], ST[0], None, ST[0], ST[1], ST[0]]
    lots33b = []
    for i, d in enumerate(ds):
        if i in a2_idx:
            pr = new_project('t107', d, '市政', agent=A2, method='公开招标', budgets=[round(R.uniform(90, 240), 2)])
            w = seqw[a2_idx.index(i)]
            bid = ST + bg_bidders('市政', R.choice([2, 3]))
            settle(pr['lots'][0], bid, winner=w if w else R.choice(bid[2:]))
            lots33b.append(pr['lots'][0])
        else:
            pr = new_project('t107', d, R.choice(['水利', '交通']), method='公开招标', avoid_agents=(A2,), budgets=[round(R.uniform(200, 420), 2)])
            settle(pr['lots'][0], bg_bidders(pr['cat'], R.choice([4, 5])))
    TP['m33b'] = (A2, ST, lots33b)
    # near miss: zjj framework agent, diverse winners
    A3 = AGENTS[0]
    ds = spread_dates(13, D(2021, 3, 1), D(2024, 9, 1))
    a3_idx = set(R.sample(range(13), 7))
    lots33n1 = []
    for i, d in enumerate(ds):
        cat = R.choice(['房建', '市政'])
        if i in a3_idx:
            pr = new_project('zjj', d, cat, agent=A3, method='公开招标')
            lots33n1.append(pr['lots'][0])
        else:
            pr = new_project('zjj', d, cat, method='公开招标', avoid_agents=(A3,))
        settle(pr['lots'][0], bg_bidders(cat, R.choice([4, 5, 6])))
    TP['m33n1'] = (A3, lots33n1)
    # near miss: cgj agent below 50 % share but repeated winner
    A4 = AGENTS[4]
    W4 = np_(cons_co('市政'))
    yrs = [2021, 2021, 2022, 2022, 2023, 2023, 2024, 2024, 2024]
    a4_idx = [1, 3, 6, 7]
    lots33n2 = []
    for i, y in enumerate(yrs):
        d = wdate(y)
        cat = '市政' if i % 3 else '园林'
        if i in a4_idx:
            pr = new_project('cgj', d, '市政', agent=A4, method='公开招标', budgets=[round(R.uniform(120, 300), 2)])
            bid = bg_bidders('市政', R.choice([3, 4])) + [W4]
            settle(pr['lots'][0], bid, winner=W4 if a4_idx.index(i) < 3 else R.choice(bid[:-1]))
            lots33n2.append(pr['lots'][0])
        else:
            pr = new_project('cgj', d, cat, method='公开招标', avoid_agents=(A4,),
                             budgets=[round(R.uniform(120, 200), 2) if y == 2023 else round(R.uniform(150, 600), 2)])
            settle(pr['lots'][0], bg_bidders(cat, R.choice([4, 5])))
    TP['m33n2'] = (A4, W4, lots33n2)
    # ---- M28 affiliated companies
    r28 = role_person()
    K1 = np_(cons_co('房建', rep=r28))
    K2 = np_(cons_co('市政', rep=r28))
    M1 = np_(cons_co('房建', capital=3000))
    hp = role_person()
    M2c = cons_co('房建', rep=hp, holders=[], capital=1000)
    M2c['holders'] = [{'kind': '企业法人股东', 'uscc': M1, 'ratio': 60.0, 'amt': 600.0, 'from': M2c['est'], 'to': None},
                      {'kind': '自然人股东', 'pid': hp, 'ratio': 40.0, 'amt': 400.0, 'from': M2c['est'], 'to': None}]
    M2 = np_(M2c)
    f = fam(V('蕲州镇'), [('h', '02', True, B(1976, 1979), None, None), ('w', '12', False, B(1977, 1980), None, None),
                         ('k', '22', True, B(2002, 2004), None, 'h')], 'M28')
    COUPLES.append((f['h'], f['w'], D(2001, 12, 16)))
    K3 = np_(cons_co('交通', rep=f['h']))
    K4 = np_(cons_co('交通', rep=f['w']))
    PL['m28c_h'], PL['m28c_w'] = f['h'], f['w']
    N0 = np_(cons_co('房建', capital=5000))
    Ns = []
    for k in range(2):
        c = cons_co('房建', holders=[], capital=800)
        c['holders'] = [{'kind': '企业法人股东', 'uscc': N0, 'ratio': 100.0, 'amt': 800.0, 'from': c['est'], 'to': None}]
        c['type'] = '有限责任公司(非自然人投资或控股的法人独资)'
        Ns.append(np_(c))
    O1 = np_(cons_co('市政', capital=2000))
    op = role_person()
    O2c = cons_co('市政', rep=op, holders=[], capital=1000)
    O2c['holders'] = [{'kind': '自然人股东', 'pid': op, 'ratio': 90.0, 'amt': 900.0, 'from': O2c['est'], 'to': None},
                      {'kind': '企业法人股东', 'uscc': O1, 'ratio': 10.0, 'amt': 100.0, 'from': O2c['est'], 'to': None}]
    O2 = np_(O2c)
    fb = lambda c: R.choice([b for b in FREE_BUYERS if c in BUYER_CAT[b]])
    pr = new_project(fb('市政'), D(2023, 5, 16), '市政', method='公开招标')
    settle(pr['lots'][0], [K1, K2] + bg_bidders('市政', 4), winner=K2)
    TP['m28a'] = ([K1, K2], pr['lots'][0], r28)
    pr = new_project(fb('房建'), D(2022, 9, 6), '房建', method='公开招标')
    settle(pr['lots'][0], [M1, M2] + bg_bidders('房建', 3), winner=M1)
    TP['m28b'] = ([M1, M2], pr['lots'][0])
    pr = new_project(fb('交通'), D(2024, 4, 9), '交通', method='公开招标')
    settle(pr['lots'][0], [K3, K4] + bg_bidders('交通', 4), winner=K4)
    TP['m28c'] = ([K3, K4], pr['lots'][0])
    pr = new_project('ct', D(2023, 8, 22), '房建', nlots=2, method='公开招标')
    settle(pr['lots'][0], [Ns[0]] + bg_bidders('房建', 4))
    settle(pr['lots'][1], [Ns[1]] + bg_bidders('房建', 4))
    TP['m28n1'] = (N0, Ns, pr['lots'])
    pr = new_project(fb('市政'), D(2022, 3, 15), '市政', method='公开招标')
    settle(pr['lots'][0], [O1, O2] + bg_bidders('市政', 3))
    TP['m28n2'] = ([O1, O2], pr['lots'][0])
    # ---- M19c: 交通局 award to company whose supervisor gambles
    q = role_person()
    RESERVED[q] = 'M19'
    c19 = cons_co('交通')
    c19['officers'] = [o for o in c19['officers'] if o['role'] != '监事'] + [{'pid': q, 'role': '监事', 'from': c19['est'], 'to': None}]
    pr = new_project('jtj', D(2022, 7, 12), '交通', method='公开招标', budgets=[486.5])
    settle(pr['lots'][0], [c19['uscc']] + bg_bidders('交通', 4, avoid=(c19['uscc'],)), winner=c19['uscc'])
    TP['m19c'] = (c19['uscc'], q, pr['lots'][0])
    NOPOOL[c19['uscc']] = 1
    # ---- M27 near miss: two firms sharing an accounting-agency phone in registry
    hubc = [u for u in BIDPOOL['房建'] if CO[u]['phone'] == HUB_PHONE][:2]
    pr = new_project(fb('房建'), D(2023, 11, 14), '房建', method='公开招标')
    settle(pr['lots'][0], hubc + bg_bidders('房建', 3, avoid=hubc))
    TP['m27n1'] = (hubc, pr['lots'][0])
    # ---- projects needed by ledger plants
    pr = new_project('t109', D(2024, 4, 23), '市政', method='公开招标', budgets=[268.0])
    settle(pr['lots'][0], bg_bidders('市政', 5))
    pr = new_project('yjj', D(2024, 3, 19), '房建', method='公开招标', budgets=[415.0])
    settle(pr['lots'][0], bg_bidders('房建', 5))
    # ---- background
    wts = {'jtj': 7, 'nyj': 4, 'ct': 6, 'yjj': 1, 'fgj': 0.6, 'yz': 0.8, 'sz': 0.6, 'rmyy': 0.8, 'zyy': 0.5, 'xx0': 0.4, 'xx1': 0.4}
    bg = []
    for y in (2021, 2022, 2023, 2024):
        for b in FREE_BUYERS:
            lam = wts.get(b, 2.2) * (0.75 if y == 2024 else 1.0)
            n = int(lam) + (1 if R.random() < lam - int(lam) else 0)
            for _ in range(n):
                cat = R.choice(BUYER_CAT[b])
                nl = R.choices([1, 2, 3], [82, 14, 4])[0]
                pr = new_project(b, wdate(y), cat, nlots=nl)
                for lot in pr['lots']:
                    settle(lot, bg_bidders(cat, R.choice([3, 4, 5, 5, 6, 6, 7, 8])), lowest=R.random() < 0.75)
                    lot['bg'] = True
                    bg.append(lot)
    fj = [l for l in bg if l['proj']['cat'] == '房建' and E not in l['bidders']]
    R.shuffle(fj)
    for lot in fj[:15]:
        add_loser(lot, E)
    TP['nm30a'] = E
    # ---- M25 / M27 plants on ordinary lots
    cand = [l for l in bg if len(l['bidders']) >= 5 and l not in fj[:15]
            and sum(1 for b in l['bidders'] if CO[b]['local']) >= 3]
    R.shuffle(cand)
    sel = cand[:9]

    def two_losers(lot, local=True):
        ls = [b for b in lot['bidders'] if b != lot['winner'] and (CO[b]['local'] or not local)]
        return ls[0], ls[1]
    # M25 P1: winner + loser share IP+MAC+disk
    l = sel[0]
    a, b = l['winner'], two_losers(l)[0]
    l['dev'][b] = (CO[a]['ip'], CO[a]['mac'], CO[a]['disk'])
    TP['m25a'] = (l, [a, b], 'IP、MAC、硬盘序列号均相同')
    l = sel[1]
    a, b = two_losers(l)
    l['dev'][b] = ('223.104.%d.%d' % (R.randint(0, 255), R.randint(2, 254)), CO[a]['mac'], CO[a]['disk'])
    TP['m25b'] = (l, [a, b], 'MAC地址、硬盘序列号相同（IP不同，一方经移动网络上传）')
    l = sel[2]
    a, b = l['winner'], two_losers(l)[1]
    l['dev'][a] = (CO[b]['ip'], CO[b]['mac'], CO[b]['disk'])
    TP['m25c'] = (l, [a, b], '中标人与另一投标人使用同一台电脑（MAC、硬盘序列号、IP相同）')
    l = sel[3]
    a, b = two_losers(l)
    term = TERMINALS[3]
    l['dev'][a] = term
    l['dev'][b] = term
    TP['m25n1'] = (l, [a, b])
    l = sel[4]
    a, b = two_losers(l)
    l['dev'][b] = (CO[a]['ip'], CO[b]['mac'], CO[b]['disk'])
    TP['m25n2'] = (l, [a, b])
    # M27 P1: same contact phone; P2: same proxy
    l = sel[5]
    a, b = two_losers(l)
    l['tel'][b] = CO[a]['mobile']
    TP['m27a'] = (l, [a, b])
    l = sel[6]
    a, b = l['winner'], two_losers(l)[0]
    l['proxy'][b] = CO[a]['proxy']
    TP['m27b'] = (l, [a, b], CO[a]['proxy'])
    l = sel[7]
    a, b = two_losers(l)
    nm = P[CO[a]['proxy']]['name']
    np2 = outsider(male=P[CO[a]['proxy']]['male'])
    P[np2]['name'] = nm
    CO[b]['proxy'] = np2
    TP['m27n2'] = (l, [a, b], CO[a]['proxy'], np2)


TERMINALS = [('10.17.8.%d' % (11 + i), '00-1E-67-%02X-%02X-%02X' % (0x3A, 0x10 + i, 0x55 + i), 'WD-WX41A8%04d' % (2110 + i)) for i in range(12)]


# ---------------------------------------------------------------- works ledgers
LEDGER = []    # county/town: dict(buyer, name, site, co, method, code, amt(元), date, fund)
VLEDGER = []   # village: dict(v, name, site, payee_kind, payee, amt, date, proc)
LP = {}


def lot_code(lot):
    return lot['code']


def gen_ledgers():
    loc_cons = [u for u, c in CO.items() if c['cat'] == 'cons' and c['local'] and u not in NOPOOL]
    tend = defaultdict(float)
    for lot in LOTS:
        b = lot['proj']['buyer']
        if b == 'ct':
            continue
        w = lot['winner']
        amt = lot['price'][w]
        d = lot['proj']['open'].date() + TD(R.randint(8, 25))
        LEDGER.append({'buyer': b, 'name': lot['proj']['name'] + ('' if lot['lname'] == '全部' else lot['lname']),
                       'site': lot['proj']['name'][3:9], 'co': w, 'method': lot['proj']['method'], 'lot': lot, 'amt': amt,
                       'date': d, 'fund': R.choice(['县级财政资金', '上级专项资金', '地方政府专项债券', '自筹资金'])})
        tend[(b, d.year)] += amt
    planted_r = {('cgj', 2023): 0.70, ('t109', 2024): 0.66}
    lowered = {('jtj', 2024), ('t106', 2023), ('zjj', 2022), ('zjj', 2023), ('yjj', 2024)}
    used_pair = defaultdict(set)
    for (b, y), T in sorted(tend.items()):
        r = planted_r.get((b, y)) or (R.uniform(0.01, 0.05) if (b, y) in lowered else R.uniform(0.03, 0.15))
        target = r / (1 - r) * T
        cap = 950000 if (b, y) in planted_r else 450000
        tot = 0.0
        k = 0
        while tot < target * 0.97 or k == 0:
            amt = round(min(cap, max(30000, target - tot)) * (R.uniform(0.85, 1.0) if (b, y) in planted_r else R.uniform(0.3, 1.0)), 2)
            if amt < 30000:
                amt = round(R.uniform(30000, 80000), 2)
            cat = R.choice(BUYER_CAT.get(b, ['房建']))
            c = R.choice([u for u in loc_cons if u not in used_pair[(b, y)] and CO[u]['bcat'] == cat] or
                         [u for u in loc_cons if u not in used_pair[(b, y)]])
            used_pair[(b, y)].add(c)
            d = rdate(D(y, 1, 10), D(y, 12, 20) if y < 2024 else D(2024, 9, 25))
            LEDGER.append({'buyer': b, 'name': pname(b, cat).replace('工程', '零星工程', 1) if R.random() < 0.3 else pname(b, cat).replace('建设工程', '维修工程'),
                           'site': '', 'co': c, 'method': '直接发包', 'lot': None, 'amt': amt, 'date': d,
                           'fund': R.choice(['县级财政资金', '部门预算资金', '乡镇财政资金'])})
            tot += amt
            k += 1
    LP['m36'] = planted_r
    # M36 near miss: emergency flood works (应急抢险), exempt from tendering
    em = []
    for k, (dd, amt, nm) in enumerate([(D(2024, 6, 22), 2860000.0, '蕲河左岸漕河段溃口应急抢险工程'), (D(2024, 6, 25), 1735000.0, '赤东湖堤防管涌应急处置工程'),
                                       (D(2024, 6, 30), 2410000.0, '株林河株林段堤防加固应急抢险工程'), (D(2024, 7, 4), 980000.0, '大同水库溢洪道应急修复工程'),
                                       (D(2024, 7, 9), 1263000.0, '管窑镇沿江低洼地排涝应急工程')]):
        c = R.choice([u for u, cc in CO.items() if cc['cat'] == 'cons' and cc['local'] and cc.get('bcat') == '水利' and u not in NOPOOL])
        LEDGER.append({'buyer': 'yjj', 'name': '蕲春县' + nm, 'site': nm[:4], 'co': c, 'method': '应急抢险', 'lot': None,
                       'amt': amt, 'date': dd, 'fund': '上级应急救灾资金'})
        em.append(nm)
    LP['m36n1'] = em
    # M35 plants
    V1 = R.choice([u for u in loc_cons if CO[u]['bcat'] == '交通'])
    rows = []
    for k, (dd, amt) in enumerate([(D(2024, 5, 8), 386200.0), (D(2024, 6, 3), 352000.0), (D(2024, 6, 29), 369500.0)]):
        rows.append({'buyer': 'jtj', 'name': '蕲春县S203线漕河至赤东段K12+300-K15+800路面修复工程（%s期）' % '一二三'[k], 'site': 'S203线K12+300-K15+800',
                     'co': V1, 'method': '直接发包', 'lot': None, 'amt': amt, 'date': dd, 'fund': '县级财政资金'})
    LEDGER.extend(rows)
    LP['m35a'] = (V1, rows)
    V2 = R.choice([u for u in loc_cons if CO[u]['bcat'] == '市政' and u != V1])
    rows = []
    for k, (dd, amt) in enumerate([(D(2023, 8, 2), 552000.0), (D(2023, 9, 11), 518600.0)]):
        rows.append({'buyer': 't106', 'name': '蕲春县横车镇镇区排水管网改造工程（%s段）' % '东西'[k], 'site': '横车镇镇区', 'co': V2, 'method': '直接发包',
                     'lot': None, 'amt': amt, 'date': dd, 'fund': '乡镇财政资金'})
    LEDGER.extend(rows)
    LP['m35c'] = (V2, rows)
    V3 = R.choice([u for u in loc_cons if CO[u]['bcat'] in ('市政', '房建') and u not in (V1, V2)])
    rows = []
    for dd, amt, nm in [(D(2022, 3, 15), 421000.0, '城区东长路路灯维修工程'), (D(2022, 11, 20), 463500.0, '城区西河街排水沟维修工程'),
                        (D(2023, 8, 9), 438800.0, '城区车站路人行道维修工程')]:
        rows.append({'buyer': 'zjj', 'name': '蕲春县' + nm, 'site': nm[:5], 'co': V3, 'method': '直接发包', 'lot': None, 'amt': amt, 'date': dd,
                     'fund': '县级财政资金'})
    LEDGER.extend(rows)
    LP['m35n1'] = (V3, rows)
    LEDGER.sort(key=lambda r: (r['date'], r['buyer']))
    # ---- village ledger
    vill_people = defaultdict(list)
    for pid, p in P.items():
        if p['in_reg'] and p['status'] == '正常' and p['male'] and pid not in RESERVED and not in_staff_hh(pid) \
                and 30 <= age_at(p['birth'], CUTOFF) <= 65:
            vill_people[p['village']['town']].append(pid)
    smallco = [u for u, c in CO.items() if c['local'] and c['cat'] in ('cons', 'trade') and u not in NOPOOL and c['status'] == '存续']
    v35, v35n = VILLAGES[21], VILLAGES[33]
    x35 = R.choice(vill_people[v35['town']])
    y35 = R.choice([x for x in vill_people[v35n['town']] if x != x35])
    RESERVED[x35] = 'M35'
    RESERVED[y35] = 'M35'
    for v in VILLAGES:
        for y in (2021, 2022, 2023, 2024):
            used = set()
            for _ in range(R.choice([1, 2, 3, 3, 4])):
                if R.random() < 0.65:
                    c = [x for x in vill_people[v['town']] if x not in used and x not in (x35, y35)]
                    who = ('个人', R.choice(c))
                else:
                    who = ('单位', R.choice([u for u in smallco if u not in used]))
                used.add(who[1])
                d = rdate(D(y, 1, 5), D(y, 12, 25) if y < 2024 else D(2024, 9, 20))
                grp = R.randint(1, 9)
                nm = R.choice(['%d组通组公路硬化', '%d组当家塘清淤', '%d组灌溉渠道维修', '村部维修', '%d组路灯安装', '%d组排水沟改造',
                               '村文化广场修缮', '%d组堰塘护坡'])
                nm = (nm % grp) if '%d' in nm else nm
                VLEDGER.append({'v': v, 'name': nm + '工程', 'payee': who, 'amt': round(R.uniform(0.8, 4.8) * 10000, -1), 'date': d,
                                'proc': R.choice(['四议两公开', '村民代表会议决议', '村两委会议研究']), 'site': v['name'] + ('%d组' % grp)})
    rows = []
    for k, (dd, amt) in enumerate([(D(2024, 3, 12), 29000.0), (D(2024, 4, 20), 33000.0), (D(2024, 5, 28), 26000.0), (D(2024, 6, 15), 31000.0)]):
        rows.append({'v': v35, 'name': '5组通组公路硬化工程（%s段）' % '一二三四'[k], 'payee': ('个人', x35), 'amt': amt, 'date': dd,
                     'proc': '村两委会议研究', 'site': v35['name'] + '5组'})
    VLEDGER.extend(rows)
    LP['m35b'] = (v35, x35, rows)
    rows = []
    for dd, amt, nm in [(D(2023, 9, 5), 46000.0, '3组当家塘清淤工程'), (D(2023, 12, 18), 48000.0, '3组灌溉渠道维修工程')]:
        rows.append({'v': v35n, 'name': nm, 'payee': ('个人', y35), 'amt': amt, 'date': dd, 'proc': '四议两公开', 'site': v35n['name'] + '3组'})
    VLEDGER.extend(rows)
    LP['m35n2'] = (v35n, y35, rows)
    VLEDGER.sort(key=lambda r: (r['v']['code'], r['date']))


# ---------------------------------------------------------------- approvals (政务服务)
APPROVALS = []
ITEMS = [('建筑工程施工许可证核发', 'zjj', '承诺件', 7, 'cons', 0.0), ('城镇污水排入排水管网许可', 'zjj', '承诺件', 7, 'food', 0.0),
         ('食品经营许可证核发', 'scj', '承诺件', 10, 'food', 0.0), ('食品生产许可证核发', 'scj', '承诺件', 20, 'food', 0.4),
         ('营业执照设立登记', 'scj', '即办件', 1, 'any', 0.0), ('取水许可', 'slj', '承诺件', 20, 'any', 0.5),
         ('河道管理范围内建设项目工程建设方案审批', 'slj', '承诺件', 20, 'cons', 0.3), ('建设工程规划许可证核发', 'zrj', '承诺件', 15, 'cons', 0.2),
         ('乡村建设规划许可证核发', 'zrj', '承诺件', 10, 'person', 0.0), ('道路货物运输经营许可', 'jtj', '承诺件', 10, 'trade', 0.0),
         ('公路超限运输许可', 'jtj', '承诺件', 5, 'cons', 0.0), ('公共场所卫生许可', 'wjj', '承诺件', 10, 'food', 0.0),
         ('医师执业注册', 'wjj', '承诺件', 10, 'person', 0.0), ('农药经营许可', 'nyj', '承诺件', 15, 'trade', 0.2),
         ('社会团体成立登记', 'mzj', '承诺件', 20, 'person', 0.0)]
HANDLERS = {}


def ts_on(d, h1=8, h2=17):
    return dt.datetime(d.year, d.month, d.day, R.randint(h1, h2), R.randint(0, 59), R.randint(0, 59))


def gen_approvals():
    for it in ITEMS:
        dk = it[1]
        if dk not in HANDLERS:
            st = [p for p in ORGS[dk]['staff'] if not STAFF[p]['leader'] and p not in RESERVED and P[p]['death'] is None]
            HANDLERS[dk] = st[:4] if len(st) >= 4 else st
    cos = defaultdict(list)
    for u, c in CO.items():
        if c['local'] and c['status'] == '存续':
            cos[c['cat']].append(u)
            cos['any'].append(u)
    people = [pid for pid, p in P.items() if p['in_reg'] and p['status'] == '正常' and pid not in RESERVED and age_at(p['birth'], CUTOFF) >= 22]
    n = 0
    d0 = D(2023, 1, 3)
    for i in range(2350):
        it = R.choices(ITEMS, [10, 3, 12, 2, 14, 2, 2, 4, 6, 3, 4, 6, 4, 2, 1])[0]
        name, dk, typ, lim, ak, sp = it
        d = next_workday(rdate(d0, D(2024, 9, 27)))
        acc = ts_on(d)
        if typ == '即办件':
            wd = 0
        else:
            wd = R.choice(list(range(1, lim + 1)) + [lim // 2] * 3)
        spd = R.choice([3, 5, 8, 10, 15]) if R.random() < sp else 0
        done_d = add_wd(d, wd + spd)
        status = R.choices(['办结', '不予许可', '撤回'], [95, 3, 2])[0]
        done = ts_on(done_d, 9, 17) if wd or spd else acc + TD(minutes=R.randint(10, 90))
        if done_d > CUTOFF:
            status, done = '在办', None
        applicant = ('co', R.choice(cos['cons' if ak == 'cons' else ak if ak in cos else 'any'])) if ak != 'person' else ('p', R.choice(people))
        APPROVALS.append({'item': name, 'dept': dk, 'typ': typ, 'lim': lim, 'sp': spd, 'acc': acc, 'done': done, 'status': status,
                          'app': applicant, 'handler': R.choice(HANDLERS[dk])})
    # M19 permits
    for lab, co_, dd in [('m19a', TP['m19a_co'], D(2023, 8, 16)), ('m19n2', TP['m19n2_co'], D(2023, 10, 24))]:
        acc = ts_on(dd)
        a = {'item': '建筑工程施工许可证核发', 'dept': 'zjj', 'typ': '承诺件', 'lim': 7, 'sp': 0, 'acc': acc,
             'done': ts_on(add_wd(dd, 4)), 'status': '办结', 'app': ('co', co_), 'handler': R.choice(HANDLERS['zjj'])}
        APPROVALS.append(a)
        TP[lab + '_appr'] = a
    # M39 plants and near misses
    h_zj = HANDLERS['zjj'][1]
    spec = [('m39a', '建筑工程施工许可证核发', 'zjj', '承诺件', 7, 0, D(2024, 3, 11), 19, '办结', 'cons', h_zj),
            ('m39b', '取水许可', 'slj', '承诺件', 20, 0, D(2024, 6, 3), None, '在办', 'any', HANDLERS['slj'][0]),
            ('m39c', '食品经营许可证核发', 'scj', '承诺件', 10, 0, D(2023, 11, 6), 27, '办结', 'food', HANDLERS['scj'][2]),
            ('m39n1', '公路超限运输许可', 'jtj', '承诺件', 5, 0, D(2024, 2, 8), 5, '办结', 'cons', HANDLERS['jtj'][0]),
            ('m39n2', '取水许可', 'slj', '承诺件', 20, 15, D(2024, 4, 15), 30, '办结', 'any', HANDLERS['slj'][1])]
    for lab, name, dk, typ, lim, spd, dd, wd, status, ak, hd in spec:
        acc = ts_on(dd, 9, 11)
        if lab == 'm39n1':
            done = dt.datetime(2024, 2, 21, 16, 12, 40)
        else:
            done = ts_on(add_wd(dd, wd), 9, 17) if wd else None
        a = {'item': name, 'dept': dk, 'typ': typ, 'lim': lim, 'sp': spd, 'acc': acc, 'done': done, 'status': status,
             'app': ('co', R.choice(cos[ak])), 'handler': hd}
        APPROVALS.append(a)
        TP[lab] = a
    APPROVALS.sort(key=lambda a: a['acc'])
    seq = Counter()
    for a in APPROVALS:
        k = a['acc'].date()
        seq[k] += 1
        a['no'] = '%s%s%05d' % (AREA, k.strftime('%Y%m%d'), seq[k] * 7 + R.randint(0, 6))


# ---------------------------------------------------------------- M19 / M01 / M02 companies
def plant_companies():
    # M19
    q = role_person()
    RESERVED[q] = 'M19'
    c = cons_co('房建', rep=q, pool=False)
    NOPOOL[c['uscc']] = 1
    TP['m19a_co'], TP['m19a_q'] = c['uscc'], q
    q = role_person()
    RESERVED[q] = 'M19'
    c = add_co('蕲春县%s餐饮管理有限公司' % zihao(), 'food', industry='餐饮业', est=D(2017, 4, 21), holders=[], capital=100)
    rep = c['rep']
    c['holders'] = [{'kind': '自然人股东', 'pid': rep, 'ratio': 60.0, 'amt': 60.0, 'from': c['est'], 'to': None},
                    {'kind': '自然人股东', 'pid': q, 'ratio': 40.0, 'amt': 40.0, 'from': c['est'], 'to': None}]
    c['officers'] = [{'pid': rep, 'role': '执行董事兼总经理', 'from': c['est'], 'to': None}, {'pid': q, 'role': '监事', 'from': c['est'], 'to': None}]
    TP['m19b_co'], TP['m19b_q'] = c['uscc'], q
    q = role_person()
    RESERVED[q] = 'M19'
    c = add_co('蕲春县%s酒店管理有限公司' % zihao(), 'food', industry='餐饮业', est=D(2015, 9, 2), rep=q)
    TP['m19n1_co'], TP['m19n1_q'] = c['uscc'], q
    q = role_person()
    RESERVED[q] = 'M19'
    c = cons_co('房建', rep=q, pool=False)
    NOPOOL[c['uscc']] = 1
    TP['m19n2_co'], TP['m19n2_q'] = c['uscc'], q
    # M01
    p = PL['m01a']
    c = add_co('蕲春县刘河镇%s种植家庭农场' % R.choice(['绿源', '艾香', '丰茂']), 'trade', pref='92', typ='个体工商户', rep=p,
               est=D(2021, 4, 12), industry='农业', capital=20)
    TP['m01a'] = c['uscc']
    c = add_co('蕲春县%s建筑劳务有限公司' % zihao(), 'trade', industry='建筑安装业', est=D(2019, 3, 8), holders=[], capital=200)
    c['holders'] = [{'kind': '自然人股东', 'pid': c['rep'], 'ratio': 65.0, 'amt': 130.0, 'from': c['est'], 'to': None},
                    {'kind': '自然人股东', 'pid': PL['m01b'], 'ratio': 35.0, 'amt': 70.0, 'from': D(2022, 5, 18), 'to': None}]
    TP['m01b'] = c['uscc']
    c = add_co('蕲春县%s砂石有限公司' % zihao(), 'trade', industry='土砂石开采', est=D(2020, 8, 3), capital=500)
    c['officers'] = [o for o in c['officers'] if o['role'] != '监事'] + [{'pid': PL['m01c'], 'role': '监事', 'from': D(2020, 8, 3), 'to': None}]
    TP['m01c'] = c['uscc']
    c = add_co('蕲春县%s商贸有限公司' % zihao(), 'trade', industry='批发业', est=D(2011, 6, 30), holders=[], capital=50)
    c['holders'] = [{'kind': '自然人股东', 'pid': c['rep'], 'ratio': 80.0, 'amt': 40.0, 'from': c['est'], 'to': None},
                    {'kind': '自然人股东', 'pid': PL['m01n1'], 'ratio': 20.0, 'amt': 10.0, 'from': c['est'], 'to': D(2014, 3, 20)},
                    {'kind': '自然人股东', 'pid': role_person(), 'ratio': 20.0, 'amt': 10.0, 'from': D(2014, 3, 20), 'to': None}]
    c['holders'][0]['ratio'] = 80.0
    TP['m01n1'] = c['uscc']
    c = add_co('蕲春县%s建材经营部有限公司' % zihao(), 'trade', industry='批发业', est=D(2009, 10, 15), rep=PL['m01n2'],
               status='吊销，未注销', sdate=D(2015, 11, 26), capital=30)
    TP['m01n2'] = c['uscc']
    # M02
    c = add_co('蕲春县%s建材贸易有限公司' % zihao(), 'trade', industry='建材批发', est=D(2019, 7, 22), rep=PL['m02a_spouse'], capital=500)
    TP['m02a'] = c['uscc']
    c = add_co('蕲春县%s置业有限公司' % zihao(), 'trade', industry='房地产业', est=D(2020, 3, 16), capital=2000, holders=[], officers=[])
    o = role_person()
    c['holders'] = [{'kind': '自然人股东', 'pid': o, 'ratio': 70.0, 'amt': 1400.0, 'from': c['est'], 'to': None},
                    {'kind': '自然人股东', 'pid': PL['m02b_child'], 'ratio': 30.0, 'amt': 600.0, 'from': D(2021, 2, 3), 'to': None}]
    c['rep'] = PL['m02b_child']
    c['officers'] = [{'pid': PL['m02b_child'], 'role': '执行董事兼总经理', 'from': D(2021, 2, 3), 'to': None},
                     {'pid': o, 'role': '监事', 'from': c['est'], 'to': None}]
    TP['m02b'] = c['uscc']
    h = PL['m02c_soninlaw']
    c = add_co('蕲春县%s医药有限公司' % zihao(), 'trade', industry='医药批发', est=D(2022, 6, 8), rep=h, capital=1000, holders=[], officers=[])
    o = role_person()
    c['holders'] = [{'kind': '自然人股东', 'pid': h, 'ratio': 60.0, 'amt': 600.0, 'from': c['est'], 'to': None},
                    {'kind': '自然人股东', 'pid': o, 'ratio': 40.0, 'amt': 400.0, 'from': c['est'], 'to': None}]
    c['officers'] = [{'pid': h, 'role': '执行董事兼总经理', 'from': c['est'], 'to': None}, {'pid': o, 'role': '监事', 'from': c['est'], 'to': None}]
    TP['m02c'] = c['uscc']
    c = add_co('蕲春县%s商贸有限公司' % zihao(), 'trade', industry='批发业', est=D(2016, 5, 11), rep=PL['m02n1_brother'], capital=300)
    TP['m02n1'] = c['uscc']
    c = add_co('蕲春县漕河镇%s小吃店' % R.choice(['巧媳妇', '佳味', '好滋味']), 'food', pref='92', typ='个体工商户', rep=PL['m02n2_spouse'],
               est=D(2018, 9, 3), industry='餐饮业', capital=5)
    TP['m02n2'] = c['uscc']


# ---------------------------------------------------------------- inspections (市场监管)
INSP = []


def gen_inspections():
    I1, I2, I3, I4 = INSPECTORS[0], INSPECTORS[1], INSPECTORS[2], INSPECTORS[3]
    ents = [u for u, c in CO.items() if c['local'] and c['cat'] in ('food', 'retail') and u not in (PL['m40n1_factory'],)
            and u not in (TP['m19b_co'], TP['m19n1_co'], TP['m02n2'])]
    R.shuffle(ents)
    C1, C2, C4 = ents[0], ents[1], ents[2]
    bgents = ents[3:]
    prate = {u: R.choice([0.1, 0.15, 0.2, 0.3, 0.45]) for u in bgents}
    wts = [0.1 if i in (I1, I2, I3) else 1.0 for i in INSPECTORS]
    types = ['双随机抽查', '日常监督检查', '专项检查', '投诉举报核查']

    def outcome(p):
        r = R.random()
        if r < p * 0.7:
            return '发现问题，已责令整改', 0
        if r < p:
            return '立案查处', R.choice([2000, 3000, 5000, 8000, 10000, 20000, 50000])
        return '未发现问题', 0

    def rec(d, u, a, b, res, amt, typ=None):
        INSP.append({'date': d, 'co': u, 'i1': a, 'i2': b, 'typ': typ or R.choice(types), 'res': res, 'amt': amt})

    def pick2(excl=()):
        while True:
            a, b = R.choices(INSPECTORS, wts, k=2)
            if a != b and a not in excl and b not in excl:
                return a, b
    for _ in range(1330):
        u = R.choice(bgents)
        c = CO[u]
        lo = max(c['est'], D(2020, 6, 1))
        hi = c['sdate'] if c['status'] != '存续' and c['sdate'] else CUTOFF - TD(3)
        if hi <= lo:
            continue
        d = next_workday(rdate(lo, hi))
        if d > CUTOFF:
            continue
        a, b = pick2()
        res, amt = outcome(prate[u])
        rec(d, u, a, b, res, amt)
    # M40 plant 1 & 2, near miss 2 (low share)
    def series(u, main, n_main, n_oth, oth_bad, y1=2021):
        ds = sorted(next_workday(rdate(D(y1, 3, 1), D(2024, 9, 20))) for _ in range(n_main + n_oth))
        idx = list(range(len(ds)))
        R.shuffle(idx)
        mains = set(idx[:n_main])
        bad = oth_bad
        for i, d in enumerate(ds):
            if i in mains:
                other = R.choice([x for x in INSPECTORS if x not in (main, I1, I2, I3)])
                rec(d, u, main, other, '未发现问题', 0, R.choice(['日常监督检查', '双随机抽查']))
            else:
                a, b = pick2(excl=(main,))
                if bad > 0:
                    res, amt = R.choice([('发现问题，已责令整改', 0), ('立案查处', R.choice([5000, 10000, 20000]))])
                    bad -= 1
                else:
                    res, amt = '未发现问题', 0
                rec(d, u, a, b, res, amt)
    series(C1, I1, 14, 6, 4)
    series(C2, I2, 15, 5, 3)
    series(C4, I4, 3, 5, 4, 2022)
    # near miss 1: resident supervision of a food factory, same outcomes as others
    F = PL['m40n1_factory']
    ds = sorted(next_workday(rdate(D(2021, 1, 10), D(2024, 9, 20))) for _ in range(17))
    for k, d in enumerate(ds):
        if k % 3 == 1 and k < 15:
            a, b = pick2(excl=(I3,))
            rec(d, F, a, b, '未发现问题', 0, '日常监督检查')
        else:
            other = R.choice([x for x in INSPECTORS if x not in (I1, I2, I3)])
            rec(d, F, I3, other, '发现问题，已责令整改' if k == 6 else '未发现问题', 0, '日常监督检查')
    # M19-related ordinary inspections
    for u, d in [(TP['m19b_co'], D(2023, 6, 14)), (TP['m19b_co'], D(2024, 1, 9)), (TP['m19n1_co'], D(2023, 3, 22)), (TP['m02n2'], D(2022, 8, 17))]:
        a, b = pick2()
        rec(d, u, a, b, '未发现问题', 0, '双随机抽查')
    INSP.sort(key=lambda r: (r['date'], r['co']))
    TP['m40'] = {'C1': C1, 'C2': C2, 'C4': C4, 'F': F, 'I1': I1, 'I2': I2, 'I3': I3, 'I4': I4}
    yc = Counter()
    for r in INSP:
        yc[r['date'].year] += 1
        r['no'] = 'JC%d%05d' % (r['date'].year, yc[r['date'].year])
        if r['res'] == '立案查处':
            r['case'] = '蕲市监处罚〔%d〕%d号' % (r['date'].year, yc[r['date'].year] // 7 + 1)


# ---------------------------------------------------------------- police cases
POL = []   # rows: case dict per person


def gen_police():
    people = [pid for pid, p in P.items() if p['in_reg'] and p['status'] == '正常' and pid not in RESERVED and pid not in STAFF
              and pid not in VCADRE and 20 <= age_at(p['birth'], CUTOFF) <= 70 and P[pid]['party'] is False and not in_staff_hh(pid)]
    R.shuffle(people)
    rolep = set()
    for c in CO.values():
        rolep.add(c['rep'])
        rolep.update(h['pid'] for h in c['holders'] if h.get('pid'))
        rolep.update(o['pid'] for o in c['officers'])
        if c.get('contact'):
            rolep.update([c['contact'], c['proxy']])
    plain = [x for x in people if x not in rolep]
    people = [x for x in people if x in rolep][:60] + plain[:-80]
    R.shuffle(people)
    plain = plain[-80:]
    seq = Counter()
    places = ['%s%s棋牌室' % (t[0], R.choice(['老街', '聚友', '开心', '和气', '好运', '悠闲'])) for t in TOWNS]
    cases = []

    def case(kind, when, place, members, fine=None, stake=None, crim=False):
        cases.append({'kind': kind, 'when': when, 'place': place, 'members': members, 'fine': fine, 'stake': stake, 'crim': crim})
        return cases[-1]
    jobs = ['务农', '个体经营', '无业', '务工', '自由职业', '司机']
    for _ in range(42):
        when = dt.datetime.combine(rdate(D(2021, 1, 1), D(2024, 9, 25)), dt.time(R.randint(13, 23), R.choice([0, 10, 20, 30, 40, 50])))
        n = R.randint(3, 6)
        mem = [people.pop() for _ in range(n)]
        if R.random() < 0.15:
            mem.append(outsider())
        case('赌博', when, R.choice(places) if R.random() < 0.6 else '%s%s村民家中' % (R.choice(VILLAGES)['town'], R.choice(VILLAGES)['name']), mem)
    for _ in range(85):
        when = dt.datetime.combine(rdate(D(2021, 1, 1), D(2024, 9, 25)), dt.time(R.choice([11, 12, 13, 19, 20, 21, 22, 23]), R.randint(0, 59)))
        who = people.pop() if R.random() < 0.85 else outsider()
        k_ = '醉酒驾驶机动车' if R.random() < 0.2 else '饮酒后驾驶机动车'
        case(k_, when, '%s%s路段' % (R.choice(TOWNS)[0], R.choice(['G50沪渝高速蕲春出口', 'S203线', '时珍大道', '蕲艾大道', 'X316线'])), [who], crim=(k_ == '醉酒驾驶机动车'))
    for _ in range(14):
        when = dt.datetime.combine(rdate(D(2021, 1, 1), D(2024, 9, 25)), dt.time(R.randint(8, 23), R.randint(0, 59)))
        case('殴打他人', when, '%s%s' % (R.choice(VILLAGES)['town'], R.choice(VILLAGES)['name']), [people.pop() for _ in range(R.choice([1, 2]))])
    # planted gambling (M19) + near misses
    g = lambda: plain.pop()
    TP['pc_m19a'] = case('赌博', dt.datetime(2024, 3, 9, 21, 40), places[0], [PL['m19a'], TP['m19a_q'], g(), g()])
    TP['pc_m19b1'] = case('赌博', dt.datetime(2024, 4, 12, 22, 10), '蕲州镇雨湖茶楼二楼包厢', [PL['m19b'], g(), g()])
    TP['pc_m19b2'] = case('赌博', dt.datetime(2024, 4, 12, 23, 5), '蕲州镇雨湖茶楼二楼包厢', [TP['m19b_q'], g(), g(), g()])
    TP['pc_m19c'] = case('赌博', dt.datetime(2024, 7, 20, 20, 30), '赤东镇%s村民家中' % VILLAGES[5]['name'], [PL['m19c'], TP['m19c'][1], g()])
    TP['pc_m19n1'] = case('赌博', dt.datetime(2023, 12, 2, 19, 50), places[2], [PL['m19n1'], TP['m19n1_q'], g(), g()])
    TP['pc_m19n2a'] = case('赌博', dt.datetime(2024, 5, 18, 21, 15), places[0], [PL['m19n2'], g(), g()])
    TP['pc_m19n2b'] = case('赌博', dt.datetime(2024, 5, 21, 22, 30), places[0], [TP['m19n2_q'], g(), g(), g()])
    # M17
    TP['pc_m17a'] = case('醉酒驾驶机动车', dt.datetime(2023, 11, 18, 22, 47), '蕲州镇时珍大道与滨江路交叉口', [PL['m17a']], crim=True)
    TP['pc_m17b'] = case('赌博', dt.datetime(2024, 2, 12, 15, 20), places[3], [PL['m17b'], g(), g(), g()])
    TP['pc_m17c'] = case('饮酒后驾驶机动车', dt.datetime(2024, 6, 22, 20, 5), '青石镇X316线路段', [PL['m17c']])
    twin_staff = R.choice([x for x, s in STAFF.items() if x not in RESERVED and s['party'] and P[x]['in_reg']])
    tw = next(x for x in people if P[x]['male'] == P[twin_staff]['male'])
    people.remove(tw)
    P[tw]['name'] = P[twin_staff]['name']
    RESERVED[tw] = 'M17'
    TP['m17n1'] = (tw, twin_staff)
    TP['pc_m17n1'] = case('饮酒后驾驶机动车', dt.datetime(2024, 3, 30, 21, 35), '漕河镇蕲艾大道路段', [tw])
    TP['pc_m17n2'] = case('饮酒后驾驶机动车', dt.datetime(2022, 5, 14, 12, 50), '大同镇S203线路段', [PL['m17n2']])
    plant_cases = [c for c in cases if any(m in STAFF or m in VCADRE or m in RESERVED for m in c['members'])]
    for c in cases:
        if c in plant_cases:
            continue
        for pc_ in plant_cases:
            if c['place'] == pc_['place'] and abs((c['when'] - pc_['when']).total_seconds()) < 3 * 86400:
                c['when'] -= TD(days=20)
    cases.sort(key=lambda c: c['when'])
    for c in cases:
        y = c['when'].year
        seq[y] += 1
        st = '%04d' % (5100 + R.randint(1, 12))
        c['no'] = 'A421126%s%d%05d' % (st, y, seq[y] * 3 + R.randint(0, 2))
        c['doc'] = '蕲公(%s)%s决字〔%d〕%d号' % (R.choice(['治', '交', '漕', '蕲', '赤']), '行罚' if not c['crim'] else '立案', y, seq[y])
        c['decided'] = (c['when'] + TD(days=R.randint(0, 3))).date()
        for pid in c['members']:
            p = P[pid]
            if c['kind'] == '赌博':
                pun, fine = (R.choice(['罚款', '行政拘留五日并处罚款', '罚款']), R.choice([500, 800, 1000, 1500]))
            elif c['kind'] == '饮酒后驾驶机动车':
                pun, fine = '罚款、暂扣机动车驾驶证六个月', R.choice([1000, 1500, 2000])
            elif c['kind'] == '醉酒驾驶机动车':
                pun, fine = '吊销机动车驾驶证，移送审查起诉', 0
            else:
                pun, fine = R.choice(['行政拘留十日并处罚款', '罚款']), R.choice([200, 500])
            if pid in STAFF:
                job = STAFF[pid]
                unit = ORGS[job['org']]['name'].replace('蕲春县', '县').replace('住房和城乡建设局', '住建局').replace('市场监督管理局', '市场监管局')
                if job['org'].startswith('t'):
                    unit = ORGS[job['org']]['town'] + '政府'
                job_s = unit + ('教师' if job['post'] == '教师' else '干部' if job['post'] != '检验员' else '职工')
            elif pid in VCADRE:
                job_s = VCADRE[pid]['village']['name'] + '村委会委员'
            elif any(pid == cc['rep'] for cc in CO.values()):
                job_s = next(cc['name'] for cc in CO.values() if pid == cc['rep'])
            else:
                job_s = R.choice(jobs)
            party = '中共党员' if (pid in STAFF and STAFF[pid]['party']) or (pid in VCADRE and VCADRE[pid]['party']) else R.choice(['群众'] * 9 + ['共青团员'])
            if pid in (PL.get('m17n2'),):
                party = '群众'
                job_s = '务工'
            POL.append({'case': c, 'pid': pid, 'pun': pun, 'fine': fine, 'stake': R.choice([300, 450, 600, 800, 1200, 2000]) if c['kind'] == '赌博' else '',
                        'party': party, 'job': job_s})


# ---------------------------------------------------------------- discipline decisions
DISC = []


def gen_discipline():
    reasons = ['违反中央八项规定精神，违规收受礼金', '工作失职失责，履行监管职责不力', '违反工作纪律，工作中不担当不作为', '违规发放津补贴',
               '违反廉洁纪律，违规接受管理服务对象宴请', '侵害群众利益，优亲厚友', '违反组织纪律，不如实报告个人有关事项', '违规公款吃喝']
    cand = [x for x, s in STAFF.items() if x not in RESERVED and P[x]['death'] is None]
    R.shuffle(cand)
    for pid in cand[:24]:
        d = rdate(D(2021, 3, 1), D(2024, 9, 20))
        s = STAFF[pid]
        if s['ps'] > d:
            s['ps'] = d - TD(R.randint(200, 1500))
        party = s['party']
        cat = '党纪处分' if party and R.random() < 0.6 else '政务处分'
        kind = R.choice(['警告', '严重警告']) if cat == '党纪处分' else R.choice(['警告', '记过', '记过', '记大过'])
        DISC.append({'pid': pid, 'cat': cat, 'kind': kind, 'date': d, 'why': R.choice(reasons), 'src': R.choice(['信访举报', '巡察移交', '审计移送', '监督检查'])})
    for pid in list(VCADRE)[::17][:4]:
        if pid in RESERVED:
            continue
        DISC.append({'pid': pid, 'cat': '党纪处分', 'kind': '警告', 'date': rdate(D(2021, 6, 1), D(2024, 8, 1)),
                     'why': '违反群众纪律，村级财务管理不规范', 'src': '巡察移交'})
    for lab, dd, cat, kind in [('m19a', D(2024, 5, 16), '党纪处分', '警告'), ('m19b', D(2024, 6, 20), '政务处分', '警告'),
                               ('m19c', D(2024, 9, 10), '党纪处分', '警告'), ('m19n1', D(2024, 2, 27), '政务处分', '记过'),
                               ('m19n2', D(2024, 7, 30), '党纪处分', '警告')]:
        DISC.append({'pid': PL[lab], 'cat': cat, 'kind': kind, 'date': dd, 'why': '参与赌博，受到公安机关治安管理处罚', 'src': '公安机关通报'})
    DISC.append({'pid': PL['m21b'], 'cat': '政务处分', 'kind': '开除', 'date': D(2024, 2, 20), 'why': '严重违纪违法，利用职务便利收受他人财物',
                 'src': '监督检查'})
    DISC.append({'pid': PL['m21n2'], 'cat': '政务处分', 'kind': '降级', 'date': D(2024, 1, 10), 'why': '违反工作纪律，造成不良影响', 'src': '审计移送'})
    DISC.sort(key=lambda r: r['date'])
    for i, r in enumerate(DISC):
        r['no'] = '蕲%s〔%d〕%d号' % ('纪' if r['cat'] == '党纪处分' else '监', r['date'].year, 10 + i * 3)


# ---------------------------------------------------------------- petitions (信访)
PET = []
PCAT = [('村务管理', 'village'), ('征地拆迁', 'zrj'), ('劳动社保', 'rsj'), ('城乡建设', 'zjj'), ('医疗卫生', 'wjj'), ('教育', 'jyj'),
        ('民政救助', 'mzj'), ('农业农村', 'nyj'), ('交通运输', 'jtj'), ('市场监管', 'scj'), ('环境保护', 'town'), ('城市管理', 'cgj')]
SUBJ = {'村务管理': ['村级财务未按规定公开', '村集体土地发包不公开', '村干部优亲厚友'], '征地拆迁': ['征地补偿款未足额发放', '房屋征收补偿标准异议'],
        '劳动社保': ['拖欠农民工工资', '养老保险待遇核定异议'], '城乡建设': ['小区物业管理问题', '施工噪音扰民', '房屋质量问题'],
        '医疗卫生': ['医疗费用异议', '医疗纠纷'], '教育': ['学校乱收费', '入学安排问题'], '民政救助': ['低保评定不公', '临时救助未落实'],
        '农业农村': ['耕地地力补贴发放异议', '农田灌溉设施损坏'], '交通运输': ['通村公路损坏未修复', '客运班线停运'],
        '市场监管': ['餐馆食品卫生问题', '商家虚假宣传'], '环境保护': ['养殖场污染', '砂石厂粉尘污染'], '城市管理': ['占道经营', '违章搭建']}


def gen_petitions():
    people = [pid for pid, p in P.items() if p['in_reg'] and p['status'] == '正常' and pid not in RESERVED and pid not in STAFF
              and pid not in VCADRE and age_at(p['birth'], CUTOFF) >= 25]
    R.shuffle(people)

    def target(cat, pid):
        kind = dict(PCAT)[cat]
        v = P[pid]['village'] if pid in P and P[pid]['village'] else R.choice(VILLAGES)
        if kind == 'village':
            return '%s%s%s' % (v['town'], v['name'], '村民委员会' if v['kind'] == '村委会' else '居民委员会'), TOWN_ORG[v['town']]['name']
        if kind == 'town':
            return TOWN_ORG[v['town']]['name'], TOWN_ORG[v['town']]['name']
        return ORGS[kind]['name'], ORGS[kind]['name']

    def add(pid, d, cat, subj=None, status=None, done=None, sat=None, form=None, unit=None):
        tgt, resp = target(cat, pid)
        if unit:
            tgt, resp = unit, unit
        acc = add_wd(d, R.randint(0, 4))
        dl = acc + TD(60)
        if acc > CUTOFF:
            status = '待受理'
        if status is None:
            if R.random() < 0.03:
                status = '不予受理'
            elif R.random() < 0.03:
                status = '已转送'
            elif dl > CUTOFF and R.random() < 0.7:
                status = '办理中'
            else:
                status = '已办结'
        if status == '已办结' and done is None:
            done = min(acc + TD(R.randint(12, 60)), CUTOFF - TD(1))
            if done > dl:
                done = dl
        if status == '已办结' and sat is None:
            sat = R.choices(['满意', '基本满意', '未评价'], [55, 25, 20])[0]
        rec = {'pid': pid, 'reg': d, 'form': form or R.choice(['来信', '来访', '网上信访', '网上信访', '12345热线转办']), 'cat': cat,
               'subj': subj or R.choice(SUBJ[cat]), 'tgt': tgt, 'resp': resp, 'acc': acc if status not in ('不予受理', '待受理') else None,
               'dl': dl if status not in ('不予受理', '已转送', '待受理') else None, 'done': done if status == '已办结' else None,
               'status': status, 'sat': sat if status == '已办结' else ''}
        PET.append(rec)
        return rec
    for _ in range(600):
        pid = people.pop() if R.random() < 0.93 else outsider()
        d = next_workday(rdate(D(2022, 1, 4), D(2024, 9, 26)))
        if d > CUTOFF:
            continue
        add(pid, d, R.choice(PCAT)[0])
    # plants
    a = people.pop()
    TP['m41a'] = add(a, D(2024, 5, 20), '征地拆迁', '征地补偿款未足额发放', status='办理中')
    TP['m41a']['acc'] = D(2024, 5, 21)
    TP['m41a']['dl'] = D(2024, 7, 20)
    b = people.pop()
    v = P[b]['village']
    u = '%s%s%s' % (v['town'], v['name'], '村民委员会' if v['kind'] == '村委会' else '居民委员会')
    r1 = add(b, D(2024, 3, 4), '村务管理', '村级财务未按规定公开，2023年度修路资金去向不明', status='已办结', done=D(2024, 4, 19), sat='基本满意', unit=u)
    r3 = add(b, D(2024, 7, 22), '村务管理', '再次反映村级修路资金去向不明，要求公开2023年度账目', status='办理中', unit=u)
    TP['m41b'] = (b, [r1, r3])
    c = people.pop()
    TP['m41c'] = add(c, D(2024, 4, 15), '劳动社保', '拖欠农民工工资（某安置房项目）', status='已办结', done=D(2024, 6, 7), sat='不满意')
    n1 = people.pop()
    TP['m41n1'] = add(n1, D(2024, 8, 23), '城乡建设', '施工噪音扰民', status='办理中')
    n2 = people.pop()
    TP['m41n2'] = (n2, [add(n2, D(2023, 4, 10), '医疗卫生', '医疗费用异议', status='已办结', done=D(2023, 5, 22), sat='满意'),
                        add(n2, D(2024, 2, 19), '教育', '入学安排问题', status='已办结', done=D(2024, 3, 29), sat='基本满意')])
    PET.sort(key=lambda r: r['reg'])
    yc = Counter()
    for r in PET:
        yc[r['reg'].year] += 1
        r['no'] = 'XF421126%d%05d' % (r['reg'].year, yc[r['reg'].year])


# ---------------------------------------------------------------- writers
ALLVALS = {}
FILES = []


def _reg(s):
    ALLVALS[s] = 1
    t = s.strip()
    if t != s:
        ALLVALS[t] = 1


def write_delim(fname, dept, system, header, rows, enc='utf-8', delim=',', bom=False, pre=None, post=None, note=''):
    out = []

    def cell(v):
        s = '' if v is None else str(v)
        _reg(s)
        if delim in s or '"' in s or '\n' in s:
            s = '"' + s.replace('"', '""') + '"'
        return s
    for line in (pre or []):
        out.append(delim.join(cell(x) for x in line))
    out.append(delim.join(cell(x) for x in header))
    for r in rows:
        out.append(delim.join(cell(x) for x in r))
    for line in (post or []):
        out.append(delim.join(cell(x) for x in line))
    data = ('\r\n'.join(out) + '\r\n')
    b = data.encode(enc)
    if bom:
        b = b'\xef\xbb\xbf' + b
    with open(os.path.join(CDIR, fname), 'wb') as f:
        f.write(b)
    encn = {'gbk': 'GBK', 'utf-8': 'UTF-8'}[enc] + (' with BOM' if bom else '')
    FILES.append((fname, dept, system, encn, {',': 'comma', '\t': 'tab', '|': 'pipe |'}[delim], len(rows) + len(post or []), note))


def col(n):
    s = ''
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(fname, dept, system, sheets, note=''):
    """sheets: list of dict(name, title, header, rows, datecols:set, moneycols:set)"""
    sst = OrderedDict()

    def si(s):
        _reg(s)
        if s not in sst:
            sst[s] = len(sst)
        return sst[s]
    sheet_xml = []
    total = 0
    for sh in sheets:
        rows_xml = []
        r = 1
        ncol = len(sh['header'])
        merges = ''
        if sh.get('title'):
            rows_xml.append('<row r="1" ht="24" customHeight="1"><c r="A1" s="3" t="s"><v>%d</v></c></row>' % si(sh['title']))
            merges = '<mergeCells count="1"><mergeCell ref="A1:%s1"/></mergeCells>' % col(ncol - 1)
            r = 2
        allrows = [sh['header']] + sh['rows']
        for ri, row in enumerate(allrows):
            cells = []
            for ci, v in enumerate(row):
                ref = '%s%d' % (col(ci), r)
                if v is None or v == '':
                    continue
                if ri > 0 and ci in sh.get('datecols', ()) and isinstance(v, int):
                    cells.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, v))
                    _reg(str(v))
                elif ri > 0 and isinstance(v, (int, float)) and not isinstance(v, bool):
                    sty = ' s="2"' if ci in sh.get('moneycols', ()) else ''
                    txt = ('%.2f' % v) if isinstance(v, float) else str(v)
                    _reg(txt)
                    cells.append('<c r="%s"%s><v>%s</v></c>' % (ref, sty, txt))
                else:
                    cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, si(str(v))))
            rows_xml.append('<row r="%d">%s</row>' % (r, ''.join(cells)))
            r += 1
        cols = '<cols>%s</cols>' % ''.join('<col min="%d" max="%d" width="%d" customWidth="1"/>' % (i + 1, i + 1, w)
                                           for i, w in enumerate(sh.get('widths', [14] * ncol)))
        sheet_xml.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                         '%s<sheetData>%s</sheetData>%s</worksheet>' % (cols, ''.join(rows_xml), merges))
        total += len(sh['rows'])
    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1) for i in range(n))
          + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (xesc(sh['name']), i + 1, i + 1) for i, sh in enumerate(sheets))
          + '</sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + ''.join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(n))
              + '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % (n + 1)
              + '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' % (n + 2)
              + '</Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
              '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/></font><font><b/><sz val="14"/><name val="宋体"/><family val="2"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
    sstx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(sst), len(sst))
            + ''.join('<si><t xml:space="preserve">%s</t></si>' % xesc(s) for s in sst) + '</sst>')
    path = os.path.join(CDIR, fname)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        def w(name, data):
            zi = zipfile.ZipInfo(name, date_time=(2024, 10, 8, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode('utf-8'))
        w('[Content_Types].xml', ct)
        w('_rels/.rels', rels)
        w('xl/workbook.xml', wb)
        w('xl/_rels/workbook.xml.rels', wbrels)
        w('xl/styles.xml', styles)
        w('xl/sharedStrings.xml', sstx)
        for i, x in enumerate(sheet_xml):
            w('xl/worksheets/sheet%d.xml' % (i + 1), x)
    FILES.append((fname, dept, system, 'xlsx (UTF-8 XML)', '-', total, note))


SEX = lambda p: '男' if p['male'] else '女'


def assign_codes():
    PROJECTS.sort(key=lambda p: (p['ann'], p['buyer']))
    seq = Counter()
    for pr in PROJECTS:
        y = pr['ann'].year
        pre = 'QCJS' if pr['method'] in ('公开招标', '邀请招标') else 'QCCG'
        seq[(pre, y)] += 1
        pr['code'] = '%s-%d-%04d' % (pre, y, seq[(pre, y)] * 2 + R.randint(0, 1))
        for lot in pr['lots']:
            lot['code'] = '%s-%03d' % (pr['code'], lot['k'])


def finalize_bids():
    for pr in PROJECTS:
        for lot in pr['lots']:
            lot['fin'] = {}
            for u in sorted(lot['bidders'], key=lambda u: lot['price'][u]):
                c = CO[u]
                if u in lot['dev']:
                    ip, mac, disk = lot['dev'][u]
                elif R.random() < 0.04:
                    ip, mac, disk = R.choice(TERMINALS)
                else:
                    ip, mac, disk = c['ip'], c['mac'], c['disk']
                sd = pr['open'].date() - TD(days=R.choice([0, 1, 1, 2, 3]))
                sub = dt.datetime(sd.year, sd.month, sd.day, R.randint(8, 17) if R.random() < 0.9 else R.randint(19, 23), R.randint(0, 59), R.randint(0, 59))
                if sub >= pr['open'] - TD(minutes=20):
                    sub = pr['open'] - TD(minutes=R.randint(25, 90), seconds=R.randint(0, 59))
                lot['fin'][u] = (ip, mac, disk, sub, lot['proxy'].get(u, c['proxy']), lot['tel'].get(u, c['mobile']))


def renumber():
    # household numbers: registration order within a village is not related to how records were built
    for v in VILLAGES:
        hs = [h for h in HH if h['village'] is v]
        R.shuffle(hs)
        for i, h in enumerate(hs):
            h['hh'] = '%s%04d' % (v['code'], i + 1 + (i // 37))
            for m in h['members']:
                P[m]['hh'] = h['hh']
    HHBY.clear()
    for h in HH:
        HHBY[h['hh']] = h
    # welfare family numbers: by village and start date
    DB.sort(key=lambda f: (f['village']['code'], f['start'], f['app']))
    c = Counter()
    for f in DB:
        c[f['village']['code']] += 1
        f['fid'] = 'DB%s%04d' % (f['village']['code'], c[f['village']['code']] * 3 + R.randint(0, 2))


def write_all():
    renumber()
    os.makedirs(CDIR, exist_ok=True)
    for fn in os.listdir(CDIR):
        os.remove(os.path.join(CDIR, fn))
    # 01 household register
    relorder = lambda c: (0 if c == '02' else 1, c)
    rows = []
    for h in sorted(HH, key=lambda h: h['hh']):
        for pid in sorted(h['members'], key=lambda x: (relorder(P[x]['rel']), P[x]['birth'])):
            p = P[pid]
            v = h['village']
            rows.append([h['hh'], pid, p['name'], SEX(p), p['nation'], f_compact(p['birth']), p['rel'], h['addr'], pcs_of(v['town']),
                         v['town'], v['name'], p['status'], p['zx_reason'], f_compact(p['zx_date']) if p['zx_date'] else '',
                         p.get('moved_to', '')])
    write_delim('01_公安局_常住人口信息_20240930.csv', '县公安局（户政）', '公安人口信息管理系统',
                ['户号', '公民身份号码', '姓名', '性别', '民族', '出生日期', '与户主关系', '户籍地址', '所属派出所', '乡镇（街道）', '村（社区）',
                 '人员状态', '注销原因', '注销日期', '迁往地'], rows, enc='gbk')
    # 02 cremation
    rows = []
    dead = [pid for pid, p in P.items() if p['death'] and p.get('cremate')]
    dead.sort(key=lambda x: P[x]['death'])
    extra = []
    for k in range(7):
        b = rdate(D(1930, 1, 1), D(1955, 12, 31))
        o = add_person(rname(R.random() < 0.5), R.random() < 0.5, b, R.choice(['421125', '421127', '421182']), in_reg=False)
        P[o]['death'] = rdate(D(2021, 2, 1), D(2024, 9, 1))
        extra.append(o)
    b15 = D(1931, 4, 9)
    o15 = add_person(rname(True), True, b15, AREA, in_reg=False)
    P[o15]['death'] = D(2021, 11, 3)
    P[o15]['id15'] = AREA + b15.strftime('%y%m%d') + o15[14:17]
    extra.append(o15)
    allx = sorted(dead + extra, key=lambda x: P[x]['death'])
    for i, pid in enumerate(allx):
        p = P[pid]
        hd = p['death'] + TD(R.randint(1, 4))
        rows.append(['HH%d%04d' % (hd.year, i + 1), p['name'], SEX(p), p.get('id15', pid), f_slash(p['death']), f_slash(hd),
                     '蕲春县殡仪馆', R.choice(['1号炉', '2号炉', '3号炉']), R.choice(['何建国', '陈志勇', '张红梅'])])
    write_delim('02_民政局_殡仪馆火化登记_2021-2024.txt', '县民政局（蕲春县殡仪馆）', '殡葬管理服务信息系统',
                ['火化证编号', '逝者姓名', '性别', '身份证号码', '死亡日期', '火化日期', '殡仪馆', '火化炉号', '经办人'], rows, enc='utf-8', delim='\t', bom=True)
    # 03 marriage
    rows = []
    recs = []
    for hmn, w, md in COUPLES:
        if D(2010, 1, 1) <= md <= CUTOFF:
            recs.append(('结婚登记', md, hmn, w))
    regf = [pid for pid, p in P.items() if p['in_reg'] and not p['male'] and 22 <= age_at(p['birth'], CUTOFF) <= 36 and pid not in RESERVED
            and p['rel'] in ('32', '33', '31') and p['status'] == '正常']
    R.shuffle(regf)
    for w in regf[:45]:
        md = rdate(max(D(2012, 1, 1), P[w]['birth'].replace(year=P[w]['birth'].year + 21) if P[w]['birth'].month != 2 or P[w]['birth'].day != 29 else D(2012, 1, 1)), CUTOFF - TD(5))
        hmn = outsider(male=True, birth=P[w]['birth'] - TD(R.randint(-400, 1500)))
        recs.append(('结婚登记', md, hmn, w))
    bg_c = [c for c in COUPLES if D(2010, 1, 1) <= c[2] <= D(2020, 1, 1) and c[0] not in RESERVED and c[1] not in RESERVED
            and c[0] not in STAFF and c[1] not in STAFF]
    R.shuffle(bg_c)
    for hmn, w, md in bg_c[:9]:
        recs.append(('离婚登记', rdate(md + TD(900), CUTOFF - TD(10)), hmn, w))
    recs.sort(key=lambda r: r[1])
    for i, (kind, d, hmn, w) in enumerate(recs):
        ph, pw = P[hmn], P[w]
        loc = lambda p: ('湖北省蕲春县' + p['village']['town']) if p['in_reg'] and p['village'] else {'421125': '湖北省浠水县', '421127': '湖北省黄梅县', '421122': '湖北省红安县', '421181': '湖北省麻城市', '421182': '湖北省武穴市', '421102': '湖北省黄冈市黄州区', '420111': '湖北省武汉市洪山区', '420106': '湖北省武汉市武昌区', '420281': '湖北省大冶市', '340825': '安徽省太湖县', '360429': '江西省湖口县'}.get(p['id'][:6], '湖北省')
        rows.append([('J' if kind == '结婚登记' else 'L') + '421126-%d-%06d' % (d.year, 100 + i * 2), kind, f_cn(d), ph['name'], hmn, loc(ph),
                     pw['name'], w, loc(pw), '蕲春县民政局婚姻登记处'])
    write_delim('03_民政局_婚姻登记信息_2010-2024.csv', '县民政局（婚姻登记处）', '全国婚姻登记信息系统（县级导出）',
                ['登记证字号', '业务类别', '登记日期', '男方姓名', '男方身份证件号码', '男方户籍所在地', '女方姓名', '女方身份证件号码', '女方户籍所在地', '登记机关'],
                rows, enc='utf-8', delim='|')
    # 04 roster xlsx
    keyp0 = set(v for v in PL.values() if isinstance(v, str))
    s1 = []
    for i, (pid, s) in enumerate(sorted(STAFF.items(), key=lambda kv: (ORGS[kv[1]['org']]['code'], not kv[1]['leader'], kv[0]))):
        p = P[pid]
        s1.append([i + 1, p['name'], SEX(p), p['nation'], f_dot(p['birth']), pid, '中共党员' if s['party'] else R.choice(['群众', '群众', '群众', '九三学社社员', '民盟盟员']) if pid not in keyp0 else '群众',
                   ORGS[s['org']]['name'], s['sec'], s['post'], s['rank'], '是' if s['leader'] else '否', s['bz'],
                   xl_serial(s['ws']), xl_serial(s['ps']), s['lic'], s['note']])
    s2 = []
    for i, (pid, c) in enumerate(sorted(VCADRE.items(), key=lambda kv: (kv[1]['village']['code'], kv[1]['post']))):
        p = P[pid]
        s2.append([i + 1, c['village']['town'], c['village']['name'], p['name'], SEX(p), pid, c['post'], '中共党员' if c['party'] else '群众',
                   xl_serial(c['from']), c['term']])
    s3 = [['1', '本表由县委组织部会同县人社局、县委编办汇总，数据截至2024年9月30日。'], ['2', '“参加工作时间”“任现职时间”“任职日期”为日期型单元格。'],
          ['3', '“是否领导班子成员”指本单位领导班子成员；县级领导干部列在中共蕲春县委、蕲春县人民政府名下。'],
          ['4', '执法证号仅填写持有行政执法证件的人员。'], ['5', '村（社区）两委成员不属于财政供养人员，补贴由乡镇发放，不在工资统发数据中。']]
    write_xlsx('04_县委组织部_干部职工花名册_20240930.xlsx', '县委组织部（会同县人社局、县委编办）', '干部人事管理信息系统（导出后人工汇总）', [
        {'name': '机关事业单位在职人员', 'header': ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '政治面貌', '单位名称', '内设机构', '职务',
                                          '职级/岗位等级', '是否领导班子成员', '编制性质', '参加工作时间', '任现职时间', '执法证号', '备注'],
         'rows': s1, 'datecols': {13, 14}, 'widths': [6, 10, 6, 8, 10, 21, 12, 30, 16, 20, 16, 10, 10, 13, 13, 16, 10]},
        {'name': '村（社区）两委成员', 'header': ['序号', '乡镇', '村（社区）', '姓名', '性别', '身份证号', '职务', '政治面貌', '任职日期', '届次'],
         'rows': s2, 'datecols': {8}, 'widths': [6, 10, 12, 10, 6, 21, 26, 10, 13, 10]},
        {'name': '填报说明', 'header': ['序号', '说明'], 'rows': s3, 'widths': [6, 90]}])
    # 05 unit code table
    rows = []
    for k, o in ORGS.items():
        if not o['code']:
            continue
        parent = o['code'][:3] + '001'
        rows.append([o['code'], o['name'], o['uscc'], {'党政机关': '行政单位', '事业单位': '事业单位'}[o['kind']],
                     parent if parent != o['code'] else '', ''])
    write_delim('05_县财政局_预算单位编码对照表.csv', '县财政局（会同县委编办）', '预算管理一体化系统', ['单位编码', '单位名称', '统一社会信用代码', '单位性质', '主管部门编码', '备注'],
                rows, enc='utf-8', bom=True)
    # 06 payroll
    rows = []
    base = {'正处级': 9800, '副处级': 8600, '正科级': 7200, '副科级': 6500, '一级主任科员': 6300, '二级主任科员': 6000, '三级主任科员': 5700,
            '四级主任科员': 5400, '一级科员': 4800}
    pno = {}
    for pid in STAFF:
        pno[pid] = 'RY%06d' % (100000 + R.randint(0, 899999))
    for ym in months((2023, 10), (2024, 9)):
        payday = next_workday(mdate(ym, 15))
        for pid, s in sorted(STAFF.items(), key=lambda kv: (ORGS[kv[1]['org']]['code'], kv[0])):
            if s['bz'] not in ('行政', '参公', '事业'):
                continue
            if ym_of(s['ws']) >= ym:
                continue
            d = P[pid]['death']
            if d and ym > ym_of(d) and pid != PL['m21a']:
                continue
            b = base.get(s['rank'], 5600 + (hash_int(pid) % 17) * 100)
            gross = b + (hash_int(pid) % 9) * 37 + (300 if ym >= (2024, 1) else 0) + (480 if ym == (2024, 1) else 0)
            if pid == PL['m21n2'] and ym >= (2024, 2):
                gross -= 420
            ded = round(gross * 0.218, 2)
            rows.append(['%d%02d' % ym, ORGS[s['org']]['code'], pno[pid], P[pid]['name'], pid, s['bz'], money(gross), money(ded),
                         money(gross - ded), f_slash(payday)])
    write_delim('06_县财政局_工资统发明细_202310-202409.csv', '县财政局（国库股）', '财政工资统发系统',
                ['发放年月', '单位编码', '人员编号', '姓名', '身份证号码', '人员类别', '应发工资', '代扣款合计', '实发工资', '发放日期'], rows, enc='gbk')
    # 07 welfare members
    rows = []
    bad_done = 0
    for f in sorted(DB, key=lambda f: f['fid']):
        for m, rel, st, en, er in f['members']:
            mid = m
            if bad_done < 2 and m not in RESERVED and f['app'] not in RESERVED and m != f['app'] and len(rows) > 40:
                mid = m[:17] + IDC[(IDC.index(m[17]) + 3) % 11]
                bad_done += 1
            rows.append([f['fid'], f['cat'], f['village']['town'], f['village']['name'], P[f['app']]['name'], f['app'], P[m]['name'], mid, rel,
                         f_compact(st), f_compact(en) if en else '', er, f['amt'] * (len(f['members']) if not f['cat'].startswith('特困') else 1)])
    write_delim('07_民政局_低保特困保障对象家庭成员信息.txt', '县民政局（社会救助股）', '湖北省社会救助信息管理系统',
                ['家庭编号', '救助类别', '乡镇（街道）', '村（社区）', '申请人姓名', '申请人身份证号', '成员姓名', '成员身份证号', '与申请人关系', '保障起始日期',
                 '保障终止日期', '终止原因', '月保障金额（元）'], rows, enc='gbk', delim='\t')
    # 08 welfare payments xlsx
    rows = []
    for ym in months((2023, 1), (2024, 9)):
        payday = next_workday(mdate(ym, 8))
        for f in sorted(DB, key=lambda f: f['fid']):
            if mdate(ym) < f['start'].replace(day=1):
                continue
            if f['end'] and ym > ym_of(f['end']) and f['app'] != PL['m11b']:
                continue
            if f['app'] == PL['m11b']:
                pass
            n = sum(1 for x in f['members'] if x[2] <= mdate(ym, 28) and (x[3] is None or ym <= ym_of(x[3])) or f['app'] == PL['m11b'])
            n = max(n, 1)
            amt = f['amt'] * (n if not f['cat'].startswith('特困') else 1) + (0 if ym < (2024, 1) else (20 * n if not f['cat'].startswith('特困') else 40))
            rows.append([0, f['village']['town'], f['village']['name'], f['fid'], P[f['app']]['name'], f['app'], f['cat'], n, '%d年%02d月' % ym,
                         float(amt), xl_serial(payday), '社会化发放（一卡通）'])
    for i, r in enumerate(rows):
        r[0] = i + 1
    write_xlsx('08_民政局_城乡低保特困供养资金发放明细_202301-202409.xlsx', '县民政局（社会救助股）', '湖北省社会救助信息管理系统（资金发放模块）',
               [{'name': '发放明细', 'title': '蕲春县2023年1月—2024年9月城乡低保、特困供养资金发放明细表', 'header':
                 ['序号', '乡镇（街道）', '村（社区）', '家庭编号', '户主（申请人）姓名', '身份证号码', '救助类别', '保障人数', '所属年月', '发放金额（元）', '发放日期', '发放方式'],
                 'rows': rows, 'datecols': {10}, 'moneycols': {9}, 'widths': [7, 12, 12, 16, 12, 21, 16, 8, 12, 12, 12, 18]}])
    # 09 pension
    rows = []
    keyp = set(v for v in PL.values() if isinstance(v, str))
    xl_done = sp_done = 0
    for pid, ins, item, ym, amt, payday, bank in PEN:
        p = P[pid]
        sid = pid
        if pid not in keyp and pid not in RESERVED:
            if sid.endswith('X') and xl_done < 3 and ym == (2024, 5):
                sid = sid[:17] + 'x'
                xl_done += 1
            elif sp_done < 4 and ym == (2023, 7) and hash_int(pid) % 50 == 3:
                sid = ' ' + sid + ' '
                sp_done += 1
        rows.append([sid, p['name'], ins, item, '%d%02d' % ym, '%.2f' % amt, f_iso(payday), bank, p['village']['town'] if p['village'] else ''])
    dup = rows[len(rows) // 3]
    rows.insert(len(rows) // 3 + 1, list(dup))
    write_delim('09_人社局_养老保险待遇发放明细_202301-202409.csv', '县人力资源和社会保障局（社会保险股）', '人社一体化信息平台（待遇发放）',
                ['社会保障号码', '姓名', '险种类型', '待遇项目', '所属期', '发放金额', '发放日期', '代发银行', '乡镇（街道）'], rows, enc='utf-8')
    # 10 market entities
    rows = []
    for u, c in sorted(CO.items(), key=lambda kv: kv[1]['est']):
        if not c['local']:
            continue
        rep = P[c['rep']]
        rows.append([u, c['name'], c['type'], rep['name'], '居民身份证', c['rep'], '%.2f' % c['capital'] if not c['indiv'] else '',
                     f_iso(c['est']), c['status'], f_iso(c['sdate']) if c['sdate'] else '', c['addr'], c['phone'], c['industry'] or '',
                     '蕲春县市场监督管理局', f_iso(max(c['est'], c['sdate'] or c['est']))])
    write_delim('10_市场监管局_市场主体登记基本信息.csv', '县市场监督管理局（登记注册股）', '湖北省市场主体登记注册系统（县级数据交换库）',
                ['统一社会信用代码', '主体名称', '市场主体类型', '法定代表人（负责人、经营者）', '证件类型', '证件号码', '注册资本（万元）', '成立日期', '登记状态',
                 '注销/吊销日期', '住所（经营场所）', '联系电话', '所属行业', '登记机关', '核准日期'], rows, enc='utf-8', bom=True)
    # 11 shareholders
    rows = []
    for u, c in sorted(CO.items(), key=lambda kv: kv[1]['est']):
        if not c['local']:
            continue
        for h in c['holders']:
            if h['kind'] == '企业法人股东':
                nm, typ, idn = CO[h['uscc']]['name'], '企业法人', h['uscc']
            else:
                nm, typ, idn = P[h['pid']]['name'], '自然人', h['pid']
            if hash_int(u) % 29 == 0 and typ == '自然人':
                nm = nm + ' '
            rows.append([u, c['name'], nm, typ, '统一社会信用代码' if typ == '企业法人' else '居民身份证', idn, '%.2f' % h['amt'], '%.2f%%' % h['ratio'],
                         f_compact(h['from']), '已退出' if h['to'] else '在册', f_compact(h['to']) if h['to'] else ''])
    write_delim('11_市场监管局_股东及出资信息.txt', '县市场监督管理局（登记注册股）', '湖北省市场主体登记注册系统（县级数据交换库）',
                ['统一社会信用代码', '企业名称', '股东（发起人）名称', '股东类型', '证照类型', '证照号码', '认缴出资额（万元）', '出资比例', '出资（变更）日期',
                 '股东状态', '退出日期'], rows, enc='gbk', delim='|')
    # 12 key officers
    rows = []
    for u, c in sorted(CO.items(), key=lambda kv: kv[1]['est']):
        if not c['local']:
            continue
        for o in c['officers']:
            rows.append([u, c['name'], P[o['pid']]['name'], o['pid'], o['role'], f_slash(o['from']), f_slash(o['to']) if o['to'] else ''])
    write_delim('12_市场监管局_主要人员信息.txt', '县市场监督管理局（登记注册股）', '湖北省市场主体登记注册系统（县级数据交换库）',
                ['统一社会信用代码', '企业名称', '姓名', '身份证件号码', '职务', '任职日期', '离任日期'], rows, enc='utf-8', delim='\t')
    # 13 tender projects/lots
    rows = []
    for pr in PROJECTS:
        o = ORGS[pr['buyer']]
        for lot in pr['lots']:
            w = lot['winner']
            pub = next_workday(lot['proj']['open'].date() + TD(R.randint(1, 4)))
            rows.append([pr['code'], pr['name'], lot['code'], lot['lname'], o['name'], o['uscc'], CO[pr['agent']]['name'], pr['agent'], pr['method'],
                         {'房建': '房屋建筑', '市政': '市政公用', '水利': '水利水电', '交通': '公路交通', '园林': '园林绿化'}[pr['cat']],
                         '%.2f' % lot['budget'], '%.2f' % lot['ctrl'], f_iso(pr['ann']), pr['open'].strftime('%Y-%m-%d %H:%M'),
                         CO[w]['name'], w, '%.2f' % lot['price'][w], f_iso(pub)])
    write_delim('13_公共资源交易中心_招标项目及标段信息_2021-2024.csv', '县公共资源交易中心', '湖北省公共资源电子交易平台（蕲春分平台）',
                ['项目编号', '项目名称', '标段编号', '标段名称', '招标人', '招标人统一社会信用代码', '招标代理机构', '代理机构统一社会信用代码', '招标方式', '项目类别',
                 '预算金额（万元）', '最高投标限价（万元）', '公告发布日期', '开标时间', '中标人', '中标人统一社会信用代码', '中标金额（元）', '中标结果公示日期'],
                rows, enc='utf-8', bom=True)
    # 14 bids
    rows = []
    for pr in PROJECTS:
        for lot in pr['lots']:
            op = pr['open']
            for u in sorted(lot['bidders'], key=lambda u: lot['price'][u]):
                c = CO[u]
                ip, mac, disk, sub, proxy, tel = lot['fin'][u]
                rows.append([lot['code'], c['name'], u, '%.2f' % lot['price'][u], f_ts(sub), lot['res'][u], ip, mac, disk,
                             P[c['contact']]['name'], tel, P[proxy]['name'], proxy, c['bank'], c['acct'], c['name']])
    write_delim('14_公共资源交易中心_投标文件递交及开标记录_2021-2024.txt', '县公共资源交易中心', '湖北省公共资源电子交易平台（蕲春分平台）',
                ['标段编号', '投标人名称', '投标人统一社会信用代码', '投标报价（元）', '投标文件递交时间', '开标结果', '投标文件上传IP', '网卡MAC地址', '硬盘序列号',
                 '联系人', '联系电话', '委托代理人', '委托代理人身份证号', '保证金缴纳银行', '保证金缴纳账号', '保证金账户名称'], rows, enc='gbk', delim='\t')
    # 15 county/town works ledger
    rows = []
    tot = 0.0
    for i, r in enumerate(LEDGER):
        c = CO[r['co']]
        rows.append([i + 1, ORGS[r['buyer']]['name'], r['name'], r['site'], c['name'], r['co'], r['method'], r['lot']['code'] if r['lot'] else '',
                     money(r['amt']), f_slash(r['date']), r['fund']])
        tot += r['amt']
    write_delim('15_县财政局_政府投资工程项目发包台账_2021-2024.csv', '县财政局（会同县发改局）', '政府投资项目管理台账（Excel汇总后另存）',
                ['序号', '发包单位', '项目名称', '项目地点', '承包单位', '承包单位统一社会信用代码', '发包方式', '交易项目编号', '合同金额（元）', '合同签订日期', '资金来源'],
                rows, enc='gbk', post=[['合计', '', '', '', '', '', '', '', money(tot), '', '']])
    # 16 village ledger
    rows = []
    for i, r in enumerate(VLEDGER):
        v = r['v']
        kind, who = r['payee']
        nm = P[who]['name'] if kind == '个人' else CO[who]['name']
        rows.append([v['uscc'], v['town'], v['name'], 'CZ%s%d%03d' % (v['code'], r['date'].year, i % 1000), r['name'], r['site'], kind, nm, who,
                     '%.2f' % r['amt'], r['proc'], f_cn(r['date']), R.choice(['已支付', '已支付', '已支付', '部分支付'])])
    write_delim('16_农业农村局_村级小微工程项目台账_2021-2024.csv', '县农业农村局（农村集体“三资”监管）', '湖北省农村集体资产监督管理平台',
                ['村集体统一社会信用代码', '乡镇', '村（社区）', '项目编号', '项目名称', '实施地点', '承接方类型', '承接方名称', '承接方证件号码', '合同金额（元）',
                 '决策程序', '签订日期', '支付状态'], rows, enc='utf-8', bom=True)
    # 17 approvals
    rows = []
    for a in APPROVALS:
        o = ORGS[a['dept']]
        if a['app'][0] == 'co':
            c = CO[a['app'][1]]
            an, at, aid = c['name'], '统一社会信用代码', a['app'][1]
        else:
            an, at, aid = P[a['app'][1]]['name'], '居民身份证', a['app'][1]
        res = {'办结': '准予许可' if '登记' not in a['item'] else '准予登记', '不予许可': '不予许可', '撤回': '申请人撤回', '在办': ''}[a['status']]
        rows.append([a['no'], a['item'], a['typ'], o['uscc'], an, at, aid, f_ts(a['acc']), f_ts(a['done']) if a['done'] else '', a['lim'],
                     a['sp'] if a['sp'] else '', P[a['handler']]['name'], a['status'], res])
    write_delim('17_政务服务和大数据管理局_政务服务办件信息_2023-2024.csv', '县政务服务和大数据管理局', '湖北政务服务网·一体化政务服务平台（县级办件库）',
                ['办件编号', '事项名称', '事项类型', '实施主体编码', '申请人名称', '申请人证件类型', '申请人证件号码', '受理时间', '办结时间', '承诺时限（工作日）',
                 '特别程序时长（工作日）', '办理人', '办件状态', '办理结果'], rows, enc='utf-8')
    # 18 petitions
    rows = []
    for r in PET:
        p = P[r['pid']]
        rows.append([r['no'], f_iso(r['reg']), r['form'], p['name'], r['pid'], (p['village']['town'] + p['village']['name']) if p['in_reg'] and p['village'] else '外县',
                     r['cat'], r['subj'], r['tgt'], r['resp'], f_iso(r['acc']) if r['acc'] else '', f_iso(r['dl']) if r['dl'] else '',
                     f_iso(r['done']) if r['done'] else '', r['status'], r['sat']])
    write_delim('18_信访局_信访事项登记办理信息_2022-2024.csv', '县信访局', '国家信访信息系统（县级导出）',
                ['信访件编号', '登记日期', '信访形式', '信访人', '信访人身份证号', '信访人住址', '问题类别', '反映事项', '被反映单位', '责任单位', '受理日期',
                 '办理期限', '办结日期', '办理状态', '满意度评价'], rows, enc='gbk')
    # 19 inspections
    rows = []
    for r in INSP:
        c = CO[r['co']]
        nm = c['name'] + (' ' if hash_int(r['no']) % 97 == 0 else '')
        cc = r['co']
        if len(rows) in (400, 900) and cc not in TP.values() and cc not in TP['m40'].values():
            cc = cc[:17] + UCH[(UCH.index(cc[17]) + 5) % 31]
        rows.append([r['no'], f_compact(r['date']), nm, cc, r['typ'], P[r['i1']]['name'], STAFF[r['i1']]['lic'], P[r['i2']]['name'],
                     STAFF[r['i2']]['lic'], r['res'], '%d' % r['amt'] if r['amt'] else '', r.get('case', '')])
    write_delim('19_市场监管局_市场主体监督检查记录_2020-2024.txt', '县市场监督管理局（执法大队及各市场监管所）', '国家企业信用信息公示系统（湖北）·“双随机、一公开”监管平台',
                ['检查编号', '检查日期', '被检查主体名称', '统一社会信用代码', '检查类型', '检查人员一', '执法证号一', '检查人员二', '执法证号二', '检查结果',
                 '罚没金额（元）', '行政处罚决定书文号'], rows, enc='utf-8', delim='|')
    # 20 police
    rows = []
    xl = 0
    for r in POL:
        c = r['case']
        p = P[r['pid']]
        idn = r['pid']
        if idn.endswith('X') and r['pid'] not in RESERVED and r['pid'] not in STAFF and xl < 2:
            idn = idn[:17] + 'x'
            xl += 1
        kind = {'赌博': '赌博', '饮酒后驾驶机动车': '饮酒后驾驶机动车', '醉酒驾驶机动车': '醉酒驾驶机动车', '殴打他人': '殴打他人'}[c['kind']]
        rows.append([c['no'], '%s案' % (c['place'][:10] + kind) if c['kind'] != '赌博' else '%s赌博案' % c['place'], '刑事' if c['crim'] else '行政', kind,
                     c['when'].strftime('%Y-%m-%d %H:%M'), c['place'], p['name'], SEX(p), idn, r['party'], r['job'], c['doc'],
                     r['pun'], r['fine'] if r['fine'] else '', r['stake'], f_slash(c['decided']),
                     '蕲春县公安局' + ('交通警察大队' if '驾驶' in c['kind'] else pcs_of(R.choice(TOWNS)[0])[6:])])
    write_delim('20_公安局_治安及交通违法案件处理信息_2021-2024.txt', '县公安局（法制大队汇总）', '公安综合业务平台（执法办案系统）',
                ['案件编号', '案件名称', '案件性质', '违法行为类别', '发案时间', '发案地点', '违法行为人姓名', '性别', '公民身份号码', '政治面貌', '工作单位或职业',
                 '决定书文号', '处理结果', '罚款金额（元）', '赌资（元）', '决定日期', '办案单位'], rows, enc='gbk', delim='\t')
    # 21 discipline
    rows = []
    for i, r in enumerate(DISC):
        pid = r['pid']
        p = P[pid]
        if pid in STAFF:
            s = STAFF[pid]
            unit = ORGS[s['org']]['name'] + s['sec'] + s['post'] if s['post'] == '科员' else ORGS[s['org']]['name'] + s['post']
            pol = '中共党员' if s['party'] else '群众'
        else:
            c = VCADRE[pid]
            unit = c['village']['town'] + c['village']['name'] + c['post']
            pol = '中共党员' if c['party'] else '群众'
        rows.append([i + 1, r['no'], p['name'], pid, unit, pol, r['cat'], r['kind'], f_cn(r['date']), r['why'], r['src']])
    write_delim('21_县纪委监委_党纪政务处分决定_2021-2024.csv', '县纪委监委（案件审理室）', '纪检监察业务信息系统（处分决定库）',
                ['序号', '处分决定文号', '被处分人', '身份证号', '单位及职务', '政治面貌', '处分类别', '处分种类', '决定日期', '主要违纪违法事实', '线索来源'],
                rows, enc='utf-8', bom=True)


def hash_int(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h


# ---------------------------------------------------------------- self-checks (simple reference detectors)
WARN = []


def checks():
    res = {}
    # M31
    aw = defaultdict(list)
    for lot in LOTS:
        aw[lot['proj']['buyer']].append((lot['winner'], lot['price'][lot['winner']]))
    f31 = []
    for b, lst in aw.items():
        if len(lst) < 10:
            continue
        tot = sum(a for _, a in lst)
        byc = Counter()
        cnt = Counter()
        for w, a in lst:
            byc[w] += a
            cnt[w] += 1
        top = byc.most_common(1)[0]
        if top[1] / tot > 0.6 or cnt.most_common(1)[0][1] / len(lst) > 0.9:
            f31.append(b)
    res['M31'] = sorted(f31)
    # M33
    f33 = []
    for b in sorted(set(p['buyer'] for p in PROJECTS)):
        prs = [p for p in PROJECTS if p['buyer'] == b]
        if len(prs) < 5:
            continue
        ag = Counter(p['agent'] for p in prs)
        a, n = ag.most_common(1)[0]
        if n / len(prs) > 0.5:
            wins = Counter(l['winner'] for p in prs if p['agent'] == a for l in p['lots'])
            top2 = sum(x for _, x in wins.most_common(2))
            if wins.most_common(1)[0][1] >= 3 and top2 / sum(wins.values()) >= 0.6:
                f33.append(b)
    res['M33'] = f33
    # M30
    zero = sorted(u for u in BIDS if BIDS[u] >= 20 and WINS[u] == 0)
    pair = Counter()
    plots = defaultdict(list)
    for lot in LOTS:
        bs = sorted(lot['bidders'])
        for i in range(len(bs)):
            for j in range(i + 1, len(bs)):
                pair[(bs[i], bs[j])] += 1
                plots[(bs[i], bs[j])].append(lot)
    sus = []
    for pr_, n in pair.items():
        if n < 5:
            continue
        ws = Counter(l['winner'] for l in plots[pr_])
        w, k = ws.most_common(1)[0]
        inside = sum(v for x, v in ws.items() if x in pr_)
        if k / n >= 0.8 or (inside / n >= 0.9 and len([x for x in ws if x in pr_]) >= 2):
            sus.append(pr_)
    res['M30_zero'] = zero
    res['M30_pairs'] = sus
    # M36
    tot = defaultdict(float)
    dirc = defaultdict(float)
    for r in LEDGER:
        k = (r['buyer'], r['date'].year)
        if r['method'] == '应急抢险':
            continue
        tot[k] += r['amt']
        if r['method'] == '直接发包':
            dirc[k] += r['amt']
    ratios = {k: dirc[k] / tot[k] for k in tot if tot[k] > 0}
    vals = list(ratios.values())
    mu = sum(vals) / len(vals)
    sd = (sum((v - mu) ** 2 for v in vals) / len(vals)) ** 0.5
    res['M36'] = sorted(k for k, v in ratios.items() if v > mu + 2 * sd)
    res['M36_thr'] = (round(mu, 3), round(sd, 3))
    res['M36_ratios'] = ratios
    # M35
    f35 = []
    grp = defaultdict(list)
    for r in LEDGER:
        if r['method'] == '直接发包':
            grp[('L', r['buyer'], r['co'])].append((r['date'], r['amt']))
    for r in VLEDGER:
        grp[('V', r['v']['code'], r['payee'][1])].append((r['date'], r['amt']))
    for k, lst in grp.items():
        T = 1000000 if k[0] == 'L' else 100000
        lst.sort()
        for i in range(len(lst)):
            s_ = sum(a for d, a in lst if lst[i][0] <= d <= lst[i][0] + TD(180) and a < T)
            if s_ >= T:
                f35.append(k)
                break
    res['M35'] = f35
    # M40
    part = defaultdict(Counter)
    for r in INSP:
        part[r['i1']][r['co']] += 1
        part[r['i2']][r['co']] += 1
    f40 = []
    for i, cc in part.items():
        n = sum(cc.values())
        for c, k in cc.items():
            if k / n > 0.3 and n >= 10:
                mine = [r for r in INSP if r['co'] == c and i in (r['i1'], r['i2'])]
                oth = [r for r in INSP if r['co'] == c and i not in (r['i1'], r['i2'])]
                lm = sum(1 for r in mine if r['res'] == '未发现问题')
                lo = sum(1 for r in oth if r['res'] == '未发现问题')
                orr = ((lm + .5) / (len(mine) - lm + .5)) / ((lo + .5) / (len(oth) - lo + .5))
                if orr > 3:
                    f40.append((i, c, round(k / n, 2), round(orr, 1)))
    res['M40'] = f40
    # M25 / M27
    term_ips = set(t[0] for t in TERMINALS)
    f25, f27 = [], []
    for lot in LOTS:
        bs = lot['bidders']
        for i in range(len(bs)):
            for j in range(i + 1, len(bs)):
                a, b = lot['fin'][bs[i]], lot['fin'][bs[j]]
                if a[0] in term_ips and a[0] == b[0]:
                    continue
                m = (a[0] == b[0]) + (a[1] == b[1]) + (a[2] == b[2])
                if m >= 2:
                    f25.append(lot['code'])
                if a[4] == b[4] or a[5] == b[5]:
                    f27.append(lot['code'])
    res['M25'] = f25
    res['M27'] = f27
    # ---- person-level reference checks
    roles = defaultdict(list)   # pid -> (uscc, from, to)
    for u, c in CO.items():
        if not c['local'] or c['status'] != '存续':
            continue
        roles[c['rep']].append((u, c['est'], None))
        for h in c['holders']:
            if h.get('pid'):
                roles[h['pid']].append((u, h['from'], h['to']))
        for o in c['officers']:
            roles[o['pid']].append((u, o['from'], o['to']))
    res['M01'] = sorted(pid for pid, s in STAFF.items() if s['bz'] in ('行政', '参公') and
                        any((to is None or to >= s['ws']) for u, fr, to in roles.get(pid, [])))
    m02 = []
    for pid, s in STAFF.items():
        if not s['leader'] or not P[pid]['in_reg']:
            continue
        kin = []
        if P[pid]['rel'] == '02':
            for m in hh_members(pid):
                if m != pid and P[m]['rel'][0] in '123' and P[m]['rel'] not in ('01', '02'):
                    kin.append(m)
        for hmn, w, md in COUPLES:
            if md >= D(2010, 1, 1) and (w in kin or hmn in kin):
                kin.append(hmn if w in kin else w)
        if any(roles.get(k) for k in kin):
            m02.append(pid)
    res['M02'] = sorted(m02)
    pay = {pid for pid, s in STAFF.items() if s['bz'] in ('行政', '参公', '事业')}
    res['M08'] = sorted(x[0] for f in DB for x in f['members'] if x[0] in pay and (x[3] is None or x[3] >= max(D(2023, 10, 1), STAFF[x[0]]['ws'])))
    late = set()
    for pid, ins, item, ym, amt, payday, bank in PEN:
        d = P[pid]['death']
        if d and item != '丧葬补助金' and ym > ym_of(d + TD(31)):
            late.add(pid)
    for f in DB:
        d = P[f['app']]['death']
        if d and (f['end'] is None or f['end'] > d + TD(31)):
            late.add(f['app'])
    res['M11'] = sorted(late)
    discd = defaultdict(list)
    for r in DISC:
        discd[r['pid']].append(r['date'])
    m17 = []
    for r in POL:
        pid = r['pid']
        when = r['case']['when'].date()
        if pid in STAFF and when >= STAFF[pid]['ws'] or pid in VCADRE and when >= VCADRE[pid]['from']:
            if not any(d >= when for d in discd.get(pid, [])):
                m17.append(pid)
    res['M17'] = sorted(set(m17))
    m39 = []
    for a in APPROVALS:
        if a['status'] == '在办':
            if add_wd(a['acc'].date(), a['lim'] + a['sp']) < CUTOFF:
                m39.append(a['no'])
        elif a['done'] and wd_between(a['acc'].date(), a['done'].date()) - a['sp'] > a['lim']:
            m39.append(a['no'])
    res['M39'] = m39
    m41 = [r['no'] for r in PET if (r['status'] == '办理中' and r['dl'] and r['dl'] < CUTOFF) or r['sat'] == '不满意']
    seen = defaultdict(list)
    for r in PET:
        k = (r['pid'], r['tgt'], r['cat'])
        if any((r['reg'] - d).days <= 365 for d in seen[k]):
            m41.append(r['no'])
        seen[k].append(r['reg'])
    res['M41'] = sorted(m41)
    m21 = set()
    off = {r['pid']: r['date'] for r in DISC if r['kind'] == '开除'}
    for pid, s in STAFF.items():
        d = P[pid]['death']
        if d and pid == PL['m21a']:
            m21.add(pid)
        if pid in off or pid in JGSY_RET:
            m21.add(pid)
    res['M21'] = sorted(m21)
    return res


def build_truth(chk):
    T = []
    ids = lambda lst: [x for x in lst]

    def add(model, exp, keys, why):
        T.append({'model': model, 'expected': exp, 'keys': keys, 'why': why})
    nm = lambda pid: P[pid]['name']
    on = lambda pid: ORGS[STAFF[pid]['org']]['name']
    cn = lambda u: CO[u]['name']
    pc = lambda lab: TP[lab]['no']
    # ---- M01
    add('M01', 'alert', {'official_id': PL['m01a'], 'credit_code': TP['m01a'], 'name': nm(PL['m01a']), 'unit': on(PL['m01a']), 'company': cn(TP['m01a'])},
        '县农业农村局在编公务员（2012-08参加工作）自2021-04-12起为存续个体工商户经营者，任职期间与经营期间重叠。')
    add('M01', 'alert', {'official_id': PL['m01b'], 'credit_code': TP['m01b'], 'name': nm(PL['m01b']), 'unit': on(PL['m01b']), 'company': cn(TP['m01b'])},
        '赤东镇副镇长自2022-05-18起为存续公司自然人股东（35%），与任职期间重叠（股东信息表）。')
    add('M01', 'alert', {'official_id': PL['m01c'], 'credit_code': TP['m01c'], 'name': nm(PL['m01c']), 'unit': on(PL['m01c']), 'company': cn(TP['m01c'])},
        '县自然资源和规划局矿产资源股干部自2020-08-03起任存续砂石公司监事（主要人员表），与在职期间重叠，且属本单位监管行业。')
    add('M01', 'no_alert', {'official_id': PL['m01n1'], 'credit_code': TP['m01n1'], 'name': nm(PL['m01n1']), 'company': cn(TP['m01n1'])},
        '曾为股东，但2014-03-20已退出，本人2016-07-01才参加工作：持股区间与任职区间不重叠（catalog: role predates employment）。')
    add('M01', 'no_alert', {'official_id': PL['m01n2'], 'credit_code': TP['m01n2'], 'name': nm(PL['m01n2']), 'company': cn(TP['m01n2'])},
        '担任法定代表人的企业2015-11-26已被吊销（吊销，未注销），属僵尸企业，按catalog应过滤非存续状态。')
    # ---- M02
    add('M02', 'alert', {'leader_id': PL['m02a_leader'], 'kin_id': PL['m02a_spouse'], 'credit_code': TP['m02a'], 'relation': '配偶',
                         'leader_post': '副县长'}, '副县长（县级领导干部）之妻（同户，与户主关系12）为本县存续建材贸易公司法定代表人及控股股东。')
    add('M02', 'alert', {'leader_id': PL['m02b_leader'], 'kin_id': PL['m02b_child'], 'credit_code': TP['m02b'], 'relation': '子女',
                         'leader_post': '县委常委、常务副县长'}, '常务副县长之子（同户，与户主关系22）为本县置业公司股东（30%）并任执行董事兼总经理（高级职务）。')
    add('M02', 'alert', {'leader_id': PL['m02c_leader'], 'kin_id': PL['m02c_soninlaw'], 'kin_ids': [PL['m02c_daughter'], PL['m02c_soninlaw']],
                         'credit_code': TP['m02c'], 'relation': '子女的配偶'},
        '副县长之女（同户31）2021-05-20登记结婚（婚姻登记），其配偶（外县户籍，不在本县户籍库）为本县医药公司法定代表人、持股60%。需联合户籍与婚姻登记识别。')
    add('M02', 'no_alert', {'leader_id': PL['m02n1_leader'], 'kin_id': PL['m02n1_brother'], 'credit_code': TP['m02n1'], 'relation': '兄弟'},
        '县委副书记之弟（同在父亲户内，22/23）经商；兄弟姐妹不在“配偶、子女及其配偶”经商规定范围内。')
    add('M02', 'no_alert', {'official_id': PL['m02n2_staff'], 'kin_id': PL['m02n2_spouse'], 'credit_code': TP['m02n2'], 'relation': '配偶'},
        '配偶经营个体户，但本人为县民政局普通科员（非领导班子成员、非县级领导干部），不属领导干部配偶经商规定的对象。')
    # ---- M08
    add('M08', 'alert', {'official_id': PL['m08a'], 'recipient_id': PL['m08a_head'], 'unit': on(PL['m08a'])},
        '事业编教师（财政统发工资）自2022-03-01起被列为其母农村低保家庭保障成员，与工资发放期（2023-10至2024-09）重叠。')
    add('M08', 'alert', {'official_id': PL['m08b'], 'recipient_id': PL['m08b_head'], 'unit': on(PL['m08b'])},
        '彭思镇在编公务员自2023-05-01起为其丈夫农村低保家庭保障成员（与申请人关系：配偶），与财政工资期重叠。')
    add('M08', 'no_alert', {'official_id': PL['m08n1'], 'recipient_id': PL['m08n1_head']},
        '低保家庭成员，但该家庭保障已于2023-06-30终止，本人2023-09-01才参加工作，期间不重叠。')
    add('M08', 'no_alert', {'person_id': PL['m08n2_tk'], 'official_id': PL['m08n2_staff'], 'name': nm(PL['m08n2_tk'])},
        '特困供养对象与一名财政供养人员同名同性别，但身份证号不同；仅按姓名比对会误报。')
    # ---- M11
    add('M11', 'alert', {'person_id': PL['m11a'], 'death_date': '2023-12-08'},
        '火化及户籍注销均显示2023-12-08死亡，城乡居民养老金所属期2024-01至2024-09仍在发放（超过1-3个月宽限）。')
    add('M11', 'alert', {'person_id': PL['m11b'], 'death_date': '2024-02-17'},
        '特困供养对象2024-02-17死亡（火化、户籍注销），民政特困供养金2024-03至2024-09仍按月发放。')
    add('M11', 'alert', {'person_id': PL['m11c'], 'death_date': '2024-01-05'},
        '无火化记录，但户籍以死亡原因注销（2024-01-05死亡），养老金所属期2024-02至2024-06仍发放。')
    add('M11', 'no_alert', {'person_id': PL['m11n1'], 'death_date': '2024-03-11'},
        '死亡后仅有一笔“丧葬补助金”（合法的死亡后一次性待遇），基本养老金发至死亡当月即停。')
    add('M11', 'no_alert', {'person_id': PL['m11n2'], 'death_date': '2024-05-28'},
        '2024-06-12（死亡后）发放的是所属期2024-04、2024-05的补发，所属期未超过死亡月；按发放日期比对会误报，应按所属期比对。')
    # ---- M17
    add('M17', 'alert', {'official_id': PL['m17a'], 'case_no': pc('pc_m17a'), 'offence': '醉酒驾驶机动车'},
        '党员教师（事业编）2023-11-18醉驾（刑事），处分库无对应处分。')
    add('M17', 'alert', {'official_id': PL['m17b'], 'case_no': pc('pc_m17b'), 'offence': '赌博'},
        '管窑镇党员公务员2024-02-12因赌博被行政处罚，处分库无记录。')
    add('M17', 'alert', {'cadre_id': PL['m17c'], 'case_no': pc('pc_m17c'), 'offence': '饮酒后驾驶机动车'},
        '村委会委员（中共党员，两委名册）2024-06-22酒驾被处罚，处分库无记录。')
    tw, ts = TP['m17n1']
    add('M17', 'no_alert', {'person_id': tw, 'official_id': ts, 'case_no': pc('pc_m17n1'), 'name': nm(tw)},
        '违法行为人与一名在职党员干部同名同性别，但身份证号不同，且为群众；仅按姓名比对会误报。')
    add('M17', 'no_alert', {'official_id': PL['m17n2'], 'case_no': pc('pc_m17n2')},
        '2022-05-14酒驾发生在本人2023-09-01参加工作之前，且当时为群众（catalog: case predates office）。')
    add('M17', 'no_alert', {'official_id': PL['m19a'], 'case_no': pc('pc_m19a')},
        '公职人员赌博已于2024-05-16受党纪警告处分（处分库可查），不属于“未受处分”。')
    # ---- M19
    add('M19', 'alert', {'official_id': PL['m19a'], 'person_id': TP['m19a_q'], 'credit_code': TP['m19a_co'], 'case_no': pc('pc_m19a'),
                         'approval_no': TP['m19a_appr']['no'], 'unit': on(PL['m19a'])},
        '住建局村镇建设股股长与某建筑公司法定代表人同一赌博案卷；该公司2023-08-16在住建局办理建筑工程施工许可（管理服务对象，±3年内）。')
    add('M19', 'alert', {'official_id': PL['m19b'], 'person_id': TP['m19b_q'], 'credit_code': TP['m19b_co'], 'case_no': pc('pc_m19b1'),
                         'unit': on(PL['m19b'])},
        '市场监管局食品经营股干部与某餐饮公司股东（40%%）分属两个案件编号（%s / %s），但同一地点、时间相差55分钟（≤2小时）；该公司2023-06、2024-01被市场监管局检查。' % (pc('pc_m19b1'), pc('pc_m19b2')))
    add('M19', 'alert', {'official_id': PL['m19c'], 'person_id': TP['m19c'][1], 'credit_code': TP['m19c'][0], 'case_no': pc('pc_m19c'),
                         'lot_code': TP['m19c'][2]['code'], 'unit': on(PL['m19c'])},
        '交通运输局公路股副股长与某路桥公司监事同案赌博；该公司2022-07中标交通运输局招标项目（项目管理服务对象）。')
    add('M19', 'no_alert', {'official_id': PL['m19n1'], 'person_id': TP['m19n1_q'], 'credit_code': TP['m19n1_co'], 'case_no': pc('pc_m19n1')},
        '教育局干部与酒店公司法定代表人同案赌博，但该公司仅受市场监管局检查，与教育局无许可、检查、处罚或项目关系（无REGULATES边）。')
    add('M19', 'no_alert', {'official_id': PL['m19n2'], 'person_id': TP['m19n2_q'], 'credit_code': TP['m19n2_co'], 'case_no': pc('pc_m19n2a')},
        '住建局干部与住建局许可对象的法定代表人在同一棋牌室被查处，但相隔3天、案件编号不同（%s / %s），不满足同案或同地点±2小时。' % (pc('pc_m19n2a'), pc('pc_m19n2b')))
    # ---- M21
    add('M21', 'alert', {'official_id': PL['m21a'], 'death_date': '2024-03-14'}, '2024-03-14死亡（火化、户籍注销），工资统发2024-04至2024-09仍发放。')
    add('M21', 'alert', {'official_id': PL['m21b']}, '2024-02-20受政务处分“开除”，工资统发2024-03至2024-09仍按月发放。')
    add('M21', 'alert', {'official_id': PL['m21c']}, '已于2023-12起领取机关事业单位基本养老金（已退休），2024年仍在工资统发中按在职发放。')
    add('M21', 'no_alert', {'official_id': PL['m21n1'], 'death_date': '2024-06-18'}, '2024-06-18死亡，工资仅发至死亡当月（2024-06，发放日2024-06-17），7月起停发。')
    add('M21', 'no_alert', {'official_id': PL['m21n2']}, '受政务处分“降级”（不停发工资，仅降低工资），工资继续发放属正常。')
    # ---- M25
    for lab in ('m25a', 'm25b', 'm25c'):
        l, cs, why = TP[lab]
        add('M25', 'alert', {'lot_code': l['code'], 'credit_codes': cs}, '同一标段两家不同投标人：%s。' % why)
    l, cs = TP['m25n1']
    add('M25', 'no_alert', {'lot_code': l['code'], 'credit_codes': cs},
        '两家投标人IP/MAC/硬盘均相同，但均为交易中心开标大厅现场投标公共终端（10.17.8.x），属白名单设备。')
    l, cs = TP['m25n2']
    add('M25', 'no_alert', {'lot_code': l['code'], 'credit_codes': cs}, '仅上传IP相同（同一写字楼出口NAT），MAC与硬盘序列号均不同；单一IP匹配不足以认定。')
    # ---- M27
    l, cs = TP['m27a']
    add('M27', 'alert', {'lot_code': l['code'], 'credit_codes': cs}, '同一标段两家投标人填报的联系电话相同。')
    l, cs, px = TP['m27b']
    add('M27', 'alert', {'lot_code': l['code'], 'credit_codes': cs, 'person_id': px}, '同一标段两家投标人的委托代理人为同一人（身份证号相同）。')
    cs, l = TP['m27n1']
    add('M27', 'no_alert', {'lot_code': l['code'], 'credit_codes': cs},
        '两家投标人在市场主体登记中联系电话/住所相同，但为代理记账机构的公共电话和地址（%s，十余家企业共用，hub），投标文件联系人电话不同。' % HUB_PHONE)
    l, cs, p1, p2 = TP['m27n2']
    add('M27', 'no_alert', {'lot_code': l['code'], 'credit_codes': cs, 'person_id': p1, 'other_person_id': p2, 'name': nm(p1)},
        '两家委托代理人同名，但身份证号不同，为不同自然人。')
    # ---- M28
    cs, l, r28 = TP['m28a']
    add('M28', 'alert', {'lot_code': l['code'], 'credit_codes': cs, 'person_id': r28}, '两家投标人法定代表人为同一人（同一身份证号），投同一标段（条例34条）。')
    cs, l = TP['m28b']
    add('M28', 'alert', {'lot_code': l['code'], 'credit_codes': cs}, '一家投标人持有另一家60%股权（企业法人股东，控股），投同一标段。')
    cs, l = TP['m28c']
    add('M28', 'alert', {'lot_code': l['code'], 'credit_codes': cs, 'kin_ids': [PL['m28c_h'], PL['m28c_w']]},
        '两家投标人法定代表人为夫妻（户籍同户，与户主关系02户主/12妻），投同一标段。')
    N0, Ns, ls = TP['m28n1']
    add('M28', 'no_alert', {'lot_codes': [x['code'] for x in ls], 'credit_codes': Ns, 'credit_code': N0},
        '同一母公司全资子公司分别投同一项目的不同标段，未投同一标段（允许）。')
    cs, l = TP['m28n2']
    add('M28', 'no_alert', {'lot_code': l['code'], 'credit_codes': cs}, '一家仅持有另一家10%股权，无控股、无共同法定代表人或高管，不构成控股/管理关系。')
    # ---- M30
    WA, CA, lA = TP['ringA']
    add('M30', 'alert', {'credit_codes': [WA] + CA, 'winner': cn(WA), 'lots': len(lA)},
        '三家企业各投标20次以上、中标0次，且与同一企业在%d个标段反复同时出现，该企业中标其中22个（陪标专业户）。' % len(lA))
    RB, lB = TP['ringB']
    add('M30', 'alert', {'credit_codes': RB, 'lots': len(lB)}, '三家水利企业在12个标段同时投标，中标人在三家间轮换（轮流坐庄），报价差异很小。')
    WC, DC, lC = TP['ringC']
    add('M30', 'alert', {'credit_codes': [WC] + DC, 'winner': cn(WC), 'lots': len(lC)},
        '两家交通企业各投标21次、中标0次，始终与同一企业同场陪标，该企业中标19次。')
    add('M30', 'no_alert', {'credit_code': TP['nm30a'], 'bids': BIDS[TP['nm30a']]},
        '投标%d次未中标，但少于20次阈值，且同场竞争对手各不相同。' % BIDS[TP['nm30a']])
    G, lG = TP['nm30b']
    add('M30', 'no_alert', {'credit_codes': G, 'lots': len(lG)},
        '两家园林企业同场7次（专业市场窄），但中标人分散（各中2次，其余由第三方中标），无固定中标人也非组内轮换。')
    # ---- M31
    for lab, b, exp, why in [('m31a', 'slj', 'alert', '14个标段中中标11个'), ('m31b', 't103', 'alert', '12个标段中中标9个'),
                             ('m31n1', 'wlj', 'no_alert', '7个标段中中标6个，但招标人奖项总数<10，不满足最低样本'),
                             ('m31n2', 'jyj', 'no_alert', '15个标段中中标8个')]:
        X, ls = TP[lab]
        tot = sum(l['price'][l['winner']] for l in ls)
        sh = sum(l['price'][l['winner']] for l in ls if l['winner'] == X) / tot
        add('M31', exp, {'credit_code': X, 'buyer': ORGS[b]['name'], 'buyer_credit_code': ORGS[b]['uscc'], 'amount_share': round(sh, 3)},
            '%s，按金额占比%.1f%%（阈值：金额>60%%或数量>90%%，且≥10个）。' % (why, sh * 100))
    # ---- M33
    A1, Pq, l1 = TP['m33a']
    add('M33', 'alert', {'credit_code': A1, 'credit_codes': Pq, 'buyer': ORGS['wjj']['name'], 'official_id': PL['m33a_official'],
                         'kin_id': PL['m33a_brother']},
        '该代理机构承接县卫健局11个项目中的9个（>50%），其中7个由两家固定企业中标；其法定代表人系卫健局副局长之弟（同在父亲户内22/23）。')
    A2, ST, l2 = TP['m33b']
    add('M33', 'alert', {'credit_code': A2, 'credit_codes': ST, 'buyer': ORGS['t107']['name']},
        '该代理机构承接株林镇10个项目中的8个（>50%），其中7个由两家固定企业中标（稳定中标圈）。')
    A3, l3 = TP['m33n1']
    add('M33', 'no_alert', {'credit_code': A3, 'buyer': ORGS['zjj']['name']},
        '代理住建局13个项目中的7个（54%，超过50%），但中标人各不相同，无重复中标、无亲属关联。')
    A4, W4, l4 = TP['m33n2']
    add('M33', 'no_alert', {'credit_code': A4, 'credit_codes': [W4], 'buyer': ORGS['cgj']['name']},
        '代理城管局9个项目中的4个（44%，未超过50%），虽同一企业中标其中3个，但代理集中度不足。')
    # ---- M35
    V1, rows = TP_LP('m35a')
    add('M35', 'alert', {'credit_code': V1, 'buyer': ORGS['jtj']['name'], 'total_yuan': sum(r['amt'] for r in rows)},
        '交通运输局52天内将同一路段路面修复拆为一、二、三期直接发包给同一企业，单笔均<100万元，合计110.77万元≥100万元。')
    v, x, rows = LP['m35b']
    add('M35', 'alert', {'payee_id': x, 'village': v['town'] + v['name'], 'credit_code': v['uscc'], 'total_yuan': sum(r['amt'] for r in rows)},
        '村级同一组道路硬化拆为4段，95天内发包给同一个人，单笔<10万元，合计11.9万元≥10万元村级限额。')
    V2, rows = TP_LP('m35c')
    add('M35', 'alert', {'credit_code': V2, 'buyer': ORGS['t106']['name'], 'total_yuan': sum(r['amt'] for r in rows)},
        '横车镇镇区排水管网改造拆为东段、西段，40天内直接发包同一企业，合计107.06万元≥100万元。')
    V3, rows = TP_LP('m35n1')
    add('M35', 'no_alert', {'credit_code': V3, 'buyer': ORGS['zjj']['name'], 'total_yuan': sum(r['amt'] for r in rows)},
        '同一企业3次直接发包合计132.33万元，但相邻两次间隔均>180天、地点与内容不同（独立维修项目）。')
    v, x, rows = LP['m35n2']
    add('M35', 'no_alert', {'payee_id': x, 'village': v['town'] + v['name'], 'total_yuan': sum(r['amt'] for r in rows)},
        '同一承接人180天内2次村级工程，合计9.4万元，未达到10万元限额。')
    # ---- M36
    rt = chk['M36_ratios']
    thr = chk['M36_thr']
    for b, y, exp, why in [('cgj', 2023, 'alert', '直接发包金额占比'), ('t109', 2024, 'alert', '直接发包金额占比')]:
        add('M36', exp, {'credit_code': ORGS[b]['uscc'], 'unit': ORGS[b]['name'], 'year': y, 'direct_share': round(rt[(b, y)], 3)},
            '%d年%s%.1f%%，远高于同类单位均值%.1f%%+2σ（σ=%.1f%%）。' % (y, why, rt[(b, y)] * 100, thr[0] * 100, thr[1] * 100))
    emt = sum(r['amt'] for r in LEDGER if r['method'] == '应急抢险')
    add('M36', 'no_alert', {'credit_code': ORGS['yjj']['uscc'], 'unit': ORGS['yjj']['name'], 'year': 2024, 'direct_share': round(rt[('yjj', 2024)], 3)},
        '2024年非招标金额占比高，主要是汛期“应急抢险”工程%.0f元（依法可不招标），剔除后直接发包占比仅%.1f%%。' % (emt, rt[('yjj', 2024)] * 100))
    # ---- M39
    for lab, exp, why in [('m39a', 'alert', '承诺7个工作日，实际用时19个工作日'), ('m39b', 'alert', '承诺20个工作日，2024-06-03受理，截至2024-09-30仍“在办”，已超期'),
                          ('m39c', 'alert', '承诺10个工作日，实际用时27个工作日'),
                          ('m39n1', 'no_alert', '承诺5个工作日，跨春节假期自然日13天；扣除法定节假日并计入2-18调休上班日后恰为5个工作日，未超期'),
                          ('m39n2', 'no_alert', '承诺20个工作日，总用时30个工作日，其中特别程序（专家评审）15个工作日依法不计入，实际15个工作日')]:
        a = TP[lab]
        add('M39', exp, {'approval_no': a['no'], 'item': a['item'], 'handler': P[a['handler']]['name']}, why + '。')
    # ---- M40
    m = TP['m40']

    def shr(i, c):
        mine = [r for r in INSP if i in (r['i1'], r['i2'])]
        k = [r for r in mine if r['co'] == c]
        oth = [r for r in INSP if r['co'] == c and i not in (r['i1'], r['i2'])]
        return len(k), len(mine), sum(1 for r in k if r['res'] != '未发现问题'), len(oth), sum(1 for r in oth if r['res'] != '未发现问题')
    for ik, ck, exp, tail in [('I1', 'C1', 'alert', '亲密度>30%且结论明显偏宽（偏离度高）'), ('I2', 'C2', 'alert', '亲密度>30%且结论明显偏宽（偏离度高）'),
                              ('I3', 'F', 'no_alert', '驻厂监管导致亲密度>30%，但其结论与其他检查人员一致，无偏离'),
                              ('I4', 'C4', 'no_alert', '结论与他人有偏离，但该主体占其检查量很小，亲密度低（<30%）')]:
        k, n, kb, no, nob = shr(m[ik], m[ck])
        add('M40', exp, {'inspector_id': m[ik], 'credit_code': m[ck], 'name': P[m[ik]]['name']},
            '该检查人员共参与检查%d次，其中%d次（%.0f%%）针对该主体，发现问题%d次；其他人员检查该主体%d次，发现问题/处罚%d次。%s。' % (n, k, 100.0 * k / n, kb, no, nob, tail))
    # ---- M41
    add('M41', 'alert', {'petition_no': TP['m41a']['no'], 'person_id': TP['m41a']['pid']}, '办理期限2024-07-20，截至2024-09-30仍“办理中”，超期件。')
    b, rs = TP['m41b']
    add('M41', 'alert', {'petition_no': rs[1]['no'], 'person_id': b},
        '同一信访人就同一被反映单位（村委会）、同一问题类别和事项，在前件（%s，2024-03-04登记）办结后4个多月内再次信访，重复件。' % rs[0]['no'])
    add('M41', 'alert', {'petition_no': TP['m41c']['no'], 'person_id': TP['m41c']['pid']}, '已办结但满意度评价为“不满意”。')
    add('M41', 'no_alert', {'petition_no': TP['m41n1']['no']}, '“办理中”，但办理期限在截止日2024-09-30之后，尚未超期。')
    n2, rs = TP['m41n2']
    add('M41', 'no_alert', {'petition_no': rs[1]['no'], 'person_id': n2}, '同一信访人两次信访，但问题类别与被反映单位均不同，不构成重复件。')
    return T


def TP_LP(k):
    return LP[k]


IDKEYS = ['person_id', 'official_id', 'leader_id', 'cadre_id', 'kin_id', 'kin_ids', 'recipient_id', 'payee_id', 'inspector_id', 'credit_code',
          'credit_codes', 'lot_code', 'lot_codes', 'approval_no', 'petition_no', 'case_no', 'buyer_credit_code', 'other_person_id']


def main():
    t0 = dt.datetime.now()
    gen_register()
    plant_people()
    fill_roster()
    plant_deaths()
    bg_life_events()
    gen_welfare()
    gen_pension()
    build_pool()
    gen_companies()
    plant_companies()
    gen_tenders()
    assign_codes()
    finalize_bids()
    gen_ledgers()
    gen_approvals()
    gen_inspections()
    gen_police()
    gen_discipline()
    gen_petitions()
    write_all()
    chk = checks()
    truth = build_truth(chk)
    # compare reference detections with the answer key
    want = defaultdict(set)
    for t in truth:
        if t['expected'] == 'alert':
            k = t['keys']
            for key in ('official_id', 'leader_id', 'cadre_id', 'person_id', 'approval_no', 'petition_no'):
                if key in k:
                    want[t['model']].add(k[key])
    for mdl, key in [('M01', 'official_id'), ('M02', 'leader_id'), ('M08', 'official_id'), ('M11', 'person_id'), ('M17', None),
                     ('M21', 'official_id'), ('M39', 'approval_no')]:
        got = set(chk[mdl])
        exp = set(t['keys'].get(key) if key else (t['keys'].get('official_id') or t['keys'].get('cadre_id'))
                  for t in truth if t['model'] == mdl and t['expected'] == 'alert')
        if got != exp:
            WARN.append('%s reference detector mismatch: extra=%s missing=%s' % (mdl, sorted(got - exp), sorted(exp - got)))
    exp41 = set(t['keys']['petition_no'] for t in truth if t['model'] == 'M41' and t['expected'] == 'alert')
    if set(chk['M41']) != exp41:
        WARN.append('M41 mismatch: extra=%s missing=%s' % (sorted(set(chk['M41']) - exp41), sorted(exp41 - set(chk['M41']))))
    exp_codes = lambda mdl: sorted(set(t['keys']['lot_code'] for t in truth if t['model'] == mdl and t['expected'] == 'alert'))
    m = TP['m40']
    for name, got, exp in [('M31', chk['M31'], ['slj', 't103']), ('M33', sorted(chk['M33']), ['t107', 'wjj']),
                           ('M30 zero-win', chk['M30_zero'], sorted(TP['ringA'][1] + TP['ringC'][1])),
                           ('M36', chk['M36'], [('cgj', 2023), ('t109', 2024)]), ('M35', len(chk['M35']), 3),
                           ('M40', sorted((a, b) for a, b, _, _ in chk['M40']), sorted([(m['I1'], m['C1']), (m['I2'], m['C2'])])),
                           ('M25', sorted(set(chk['M25'])), exp_codes('M25')), ('M27', sorted(set(chk['M27'])), exp_codes('M27'))]:
        if got != exp:
            WARN.append('%s reference detector mismatch: got %s expected %s' % (name, got, exp))
    for w in WARN:
        print('WARNING:', w, file=sys.stderr)
    assert not WARN, 'background produced unplanned hits or a plant is not detectable'
    # every identifying value must occur in some export
    for t in truth:
        for k, v in t['keys'].items():
            if k in IDKEYS:
                for x in (v if isinstance(v, list) else [v]):
                    assert x in ALLVALS, (t['model'], k, x)
                    if k.endswith('_id') or k == 'kin_ids':
                        assert valid_id(x), (t['model'], k, x)
    with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    # report
    v = os.environ.get('INDEP2_VERBOSE')
    if v:
        for k, x in chk.items():
            if k != 'M36_ratios':
                print(k, x, file=sys.stderr)
    print('persons in register: %d' % sum(1 for p in P.values() if p['in_reg']))
    for fn, dept, sysn, enc, dl, n, note in FILES:
        print('%-62s %-16s %-6s rows=%d' % (fn, enc, dl, n))
    c = Counter((t['model'], t['expected']) for t in truth)
    print('truth cases:', ', '.join('%s %d/%d' % (m, c[(m, 'alert')], c[(m, 'no_alert')]) for m in sorted(set(t['model'] for t in truth))))
    print('elapsed %.1fs' % (dt.datetime.now() - t0).total_seconds())


if __name__ == '__main__':
    main()
