#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
Synthetic county data generator -- 四川省南充市营山县 (GB/T 2260 code 511322).

Writes the departments' exports into ./county/ and the planted-case answer key
into ./truth.json.  Python 3 standard library only; fully deterministic
(fixed seed, no clock, no set-order dependence).

    python3 gen.py
"""
import csv
import json
import os
import random
import zipfile
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape

SEED = 5113222024
R = random.Random(SEED)
BASE = os.path.dirname(os.path.abspath(__file__))
# huiyan's test writes the county and truth.json into a folder of its own (YINGSHAN_OUT); by default, beside this file.
BASE = os.environ.get('YINGSHAN_OUT', BASE)
OUT = os.path.join(BASE, 'county')
COUNTY = '511322'
SNAP = date(2024, 6, 30)                      # data cut-off
MONTHS = [(y, m) for y in (2023, 2024) for m in range(1, 13) if (y, m) <= (2024, 6)]
QUARTERS = [(2023, 1), (2023, 2), (2023, 3), (2023, 4), (2024, 1), (2024, 2)]

# ----------------------------------------------------------------------------
# checksums (catalog §4)
# ----------------------------------------------------------------------------
W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(b17):
    return '10X98765432'[sum(int(c) * w for c, w in zip(b17, W_ID)) % 11]


def id_valid(s):
    return (len(s) == 18 and s[:17].isdigit() and s[17] in '0123456789X'
            and id_check(s[:17]) == s[17])


UC = '0123456789ABCDEFGHJKLMNPQRTUWXY'
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_check(b8):                      # GB 11714 check of the 主体标识码
    ws = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(b8, ws))
    c = 11 - s % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


def uscc_check(b17):
    return UC[(31 - sum(UC.index(c) * w for c, w in zip(b17, UW)) % 31) % 31]


def uscc_valid(s):
    return len(s) == 18 and all(c in UC for c in s) and uscc_check(s[:17]) == s[17]


assert id_check('34052419800101001') == 'X'
assert uscc_check('91512081MA62K0260') == 'E' and org_check('MA62K026') == '0'

USED_IDS = set()
USED_USCC = set()


def make_id(area, birth, sex):
    while True:
        seq = R.randrange(1, 1000, 2) if sex == '男' else R.randrange(2, 1000, 2)
        b = f"{area}{birth:%Y%m%d}{seq:03d}"
        if b not in USED_IDS:
            USED_IDS.add(b)
            return b + id_check(b)


def make_uscc(prefix2, region, new=True):
    while True:
        if new:
            b8 = 'MA' + ''.join(R.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(6))
        else:
            b8 = ''.join(R.choice('0123456789') for _ in range(8))
        b17 = prefix2 + region + b8 + org_check(b8)
        code = b17 + uscc_check(b17)
        if code not in USED_USCC:
            USED_USCC.add(code)
            return code


# ----------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------
def d(s):
    return datetime.strptime(s, '%Y-%m-%d').date()


def bd(age, ref=SNAP):
    """a birth date giving `age` completed years at ref"""
    return ref - timedelta(days=int(age * 365.25) + R.randint(1, 360))


def age_at(p, when):
    b = p['birth']
    return when.year - b.year - ((when.month, when.day) < (b.month, b.day))


def rdate(a, b):
    return a + timedelta(days=R.randint(0, (b - a).days))


def money(x):
    return f"{x:,.2f}"


def f_cn(dt_):             # 2023年5月1日
    return f"{dt_.year}年{dt_.month}月{dt_.day}日"


def f_slash(dt_):          # 2023/5/1
    return f"{dt_.year}/{dt_.month}/{dt_.day}"


def f_dot_m(dt_):          # 1985.03
    return f"{dt_.year}.{dt_.month:02d}"


def ym(y, m, sep=''):
    return f"{y}{sep}{m:02d}"


def month_start(y, m):
    return date(y, m, 1)


def month_end(y, m):
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))


def mobile():
    return R.choice(['138', '139', '135', '136', '137', '150', '151', '152', '158', '159', '182', '183',
                     '187', '188', '130', '131', '132', '155', '156', '186', '133', '153', '180', '181',
                     '189', '177', '199', '191']) + f"{R.randint(0, 99999999):08d}"


def mac():
    first = R.choice(['00-E0-4C', '3C-97-0E', '54-E1-AD', 'F8-75-A4', '00-2B-67', 'B4-2E-99', '98-FA-9B',
                      'E0-D5-5E', '70-85-C2', '8C-EC-4B'])
    return first + '-' + '-'.join(f"{R.randint(0, 255):02X}" for _ in range(3))


def hexs(n):
    return ''.join(R.choice('0123456789ABCDEF') for _ in range(n))


# ----------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------
SURN = [('李', 7), ('王', 6), ('张', 6), ('刘', 5), ('陈', 5), ('杨', 5), ('何', 4), ('罗', 3), ('蒋', 3),
        ('唐', 3), ('邓', 3), ('赵', 3), ('周', 3), ('吴', 3), ('黄', 3), ('谢', 2), ('杜', 2), ('冯', 2),
        ('袁', 2), ('胡', 2), ('徐', 2), ('曾', 2), ('彭', 2), ('余', 2), ('向', 2), ('苟', 2), ('蒲', 2),
        ('雷', 1), ('廖', 1), ('熊', 1), ('魏', 1), ('文', 1), ('任', 1), ('龚', 1), ('侯', 1), ('陶', 1),
        ('郑', 1), ('孙', 1), ('马', 1), ('朱', 1), ('宋', 1), ('田', 1), ('岳', 1), ('付', 1), ('严', 1),
        ('伍', 1), ('程', 1), ('汪', 1), ('敬', 1), ('母', 1)]
SURN_L = [s for s, _ in SURN]
SURN_W = [w for _, w in SURN]
GM = list('德明国华建军志强文平伟勇刚林涛斌超鹏飞杰俊辉兵磊波成亮富贵祥福全忠学清荣宏海洪云春贤松川浩宇轩豪博元光良顺发')
GF = list('秀英兰芳华琼淑玉珍桂琴丽敏静燕艳霞红梅萍娟玲蓉婷雪莉琳倩颖佳欣怡慧晓丹凤群素碧')


def pick_sur(v=None):
    if v is not None and v.get('clans') and R.random() < 0.55:
        return R.choice(v['clans'])
    return R.choices(SURN_L, SURN_W)[0]


def gen_given(sex, birth):
    pool = GM if sex == '男' else GF
    if (birth.year < 1968 and R.random() < 0.9) or R.random() < 0.72:
        return R.choice(pool) + R.choice(pool)
    return R.choice(pool)


# ----------------------------------------------------------------------------
# geography (township / village codes below 511322 are synthetic)
# ----------------------------------------------------------------------------
TOWNS = [
    ('101', '朗池镇', '营山县公安局朗池派出所',
     [('001', '东升社区', 'c', ['东升街', '朗池大道']), ('002', '西街社区', 'c', ['西街', '文化路']),
      ('003', '南门社区', 'c', ['南门街', '营兴路']),
      ('201', '桂花村', 'v', None), ('202', '青杠村', 'v', None), ('203', '檬子村', 'v', None)]),
    ('102', '城南镇', '营山县公安局城南派出所',
     [('001', '城南社区', 'c', ['城南大道', '安汉路']),
      ('201', '石板村', 'v', None), ('202', '太平村', 'v', None), ('203', '新桥村', 'v', None)]),
    ('103', '骆市镇', '营山县公安局骆市派出所',
     [('201', '青龙村', 'v', None), ('202', '金鸡村', 'v', None), ('203', '水井村', 'v', None),
      ('204', '玉皇村', 'v', None)]),
    ('104', '双河镇', '营山县公安局双河派出所',
     [('201', '白鹤村', 'v', None), ('202', '柏林村', 'v', None), ('203', '高峰村', 'v', None)]),
    ('105', '回龙镇', '营山县公安局回龙派出所',
     [('201', '大河村', 'v', None), ('202', '观音村', 'v', None), ('203', '龙泉村', 'v', None)]),
]
VILLAGES = []
VBY = {}
for tcode, tname, pcs, vl in TOWNS:
    for vcode, vname, kind, streets in vl:
        v = dict(code=COUNTY + tcode + vcode, tcode=tcode, town=tname, name=vname, kind=kind,
                 pcs=pcs, streets=streets, serial=0, clans=None)
        if kind == 'v':
            v['clans'] = R.sample(['李', '王', '张', '刘', '陈', '杨', '何', '罗', '蒋', '唐', '邓', '苟', '蒲',
                                   '向', '谢', '袁'], 3)
        VILLAGES.append(v)
        VBY[vname] = v

# ----------------------------------------------------------------------------
# persons / households
# ----------------------------------------------------------------------------
people, by_id, households = [], {}, []
OUTSIDE_AREAS = ['511321', '511323', '511324', '511325', '511621', '511623', '511302', '511304']


def new_person(sex, birth, sur=None, v=None, area=COUNTY, given=None):
    sur = sur or pick_sur(v)
    name = sur + (given or gen_given(sex, birth))
    p = dict(id=make_id(area, birth, sex), name=name, sex=sex, birth=birth, hh=None, rel=None,
             death=None, cancel=None, crem=None, eth='汉族', flags=set())
    if R.random() < 0.004:
        p['eth'] = R.choice(['回族', '土家族', '彝族'])
    people.append(p)
    by_id[p['id']] = p
    return p


def ext_person(area=None, age=None, sex=None):
    """a person not registered in this county (company people of outside firms)"""
    sex = sex or R.choice(['男', '男', '男', '女'])
    b = bd(age or R.randint(30, 58))
    area = area or R.choice(['511302', '511303', '510104', '510107', '511621', '511321', '510623'])
    sur = R.choices(SURN_L, SURN_W)[0]
    return dict(id=make_id(area, b, sex), name=sur + gen_given(sex, b), sex=sex, birth=b, ext=True)


def new_hh(v, kind='家庭户'):
    v['serial'] += 1
    no = f"{int(v['tcode']) - 100}{v['code'][9:12]}{v['serial']:05d}"
    if v['kind'] == 'v':
        addr = f"四川省营山县{v['town']}{v['name']}{R.randint(1, 9)}组{R.randint(1, 120)}号"
    else:
        addr = (f"四川省营山县{v['town']}{R.choice(v['streets'])}{R.randint(1, 260)}号"
                f"{R.randint(1, 4)}单元{R.randint(1, 18)}{R.randint(1, 4):02d}室")
    hh = dict(no=no, v=v, addr=addr, members=[], kind=kind, flags=set())
    households.append(hh)
    return hh


def add(hh, p, rel):
    hh['members'].append(p)
    p['hh'] = hh
    p['rel'] = rel


def spouse_code(head_sex):
    r = R.random()
    if r < 0.8:
        return '10'
    return '12' if head_sex == '男' else '11'


def child_codes(kids):
    kids_sorted = sorted(kids, key=lambda k: k['birth'])
    only = len(kids) == 1
    codes = {}
    si = di = 0
    for k in kids_sorted:
        if k['sex'] == '男':
            codes[k['id']] = '21' if only else ['22', '23', '24', '25', '26'][min(si, 4)]
            si += 1
        else:
            codes[k['id']] = '31' if only else ['32', '33', '34', '35', '36'][min(di, 4)]
            di += 1
    return [codes[k['id']] for k in kids]


def family(v, head_age, head_sex='男', spouse=True, spouse_age=None, kids=(), parents=(), siblings=(),
           dil=None, gkids=None, sur=None, flags=(), spouse_area=None):
    """kids: [(sex, age)], dil: {kid_idx: age of 儿媳/女婿}, gkids: {kid_idx: [(sex, age)]}"""
    hh = new_hh(v)
    hh['flags'].update(flags)
    sur = sur or pick_sur(v)
    head = new_person(head_sex, bd(head_age), sur if head_sex == '男' else None, v)
    add(hh, head, '02')
    out = dict(hh=hh, head=head, kids=[], parents=[], siblings=[], dil={}, gkids={})
    if spouse:
        if spouse_age is None:
            spouse_age = max(20, head_age + (R.randint(-5, 2) if head_sex == '男' else R.randint(-1, 5)))
        area = spouse_area or (R.choice(OUTSIDE_AREAS) if R.random() < 0.2 else COUNTY)
        sp = new_person('女' if head_sex == '男' else '男', bd(spouse_age), None if head_sex == '男' else sur,
                        v, area=area)
        add(hh, sp, spouse_code(head_sex))
        out['spouse'] = sp
    kobj = [new_person(s, bd(a), sur, v) for s, a in kids]
    for k, c in zip(kobj, child_codes(kobj)):
        add(hh, k, c)
    out['kids'] = kobj
    for s, a in parents:
        par = new_person(s, bd(a), sur if s == '男' else None, v)
        add(hh, par, '51' if s == '男' else '52')
        out['parents'].append(par)
    for s, a in siblings:
        sib = new_person(s, bd(a), sur, v)
        older = a > head_age
        code = {('男', True): '71', ('男', False): '73', ('女', True): '75', ('女', False): '77'}[(s, older)]
        add(hh, sib, code)
        out['siblings'].append(sib)
    for ki, a in (dil or {}).items():
        k = kobj[ki]
        if k['sex'] == '男':
            x = new_person('女', bd(a), None, v, area=R.choice(OUTSIDE_AREAS) if R.random() < 0.3 else COUNTY)
            add(hh, x, '38')
        else:
            x = new_person('男', bd(a), None, v)
            add(hh, x, '28')
        out['dil'][ki] = x
    for ki, gl in (gkids or {}).items():
        k = kobj[ki]
        out['gkids'][ki] = []
        for s, a in gl:
            if k['sex'] == '男':
                g = new_person(s, bd(a), sur, v)
                add(hh, g, '41' if s == '男' else '42')
            else:
                g = new_person(s, bd(a), out['dil'][ki]['name'][0] if ki in out['dil'] else None, v)
                add(hh, g, '43' if s == '男' else '44')
            out['gkids'][ki].append(g)
    return out


def rand_kids(mother_age, n):
    res = []
    for _ in range(n):
        hi = mother_age - 21
        if hi < 0:
            break
        res.append((R.choice(['男', '女']), R.randint(0, min(hi, 34))))
    return res


def bg_family(v):
    t = R.random()
    urban = v['kind'] == 'c'
    if t < (0.10 if urban else 0.12):
        return family(v, R.randint(66, 93), head_sex=R.choice(['男', '女']), spouse=False)
    if t < (0.22 if urban else 0.27):
        return family(v, R.randint(61, 86))
    if t < (0.26 if urban else 0.31):
        return family(v, R.randint(21, 45), spouse=False)
    if t < (0.80 if urban else 0.66):
        ha = R.randint(27, 58)
        wa = max(21, ha + R.randint(-4, 2))
        kids = rand_kids(wa, R.choices([0, 1, 2, 3], [2, 5, 4, 1] if not urban else [2, 6, 3, 0])[0])
        parents = []
        if R.random() < 0.18:
            parents = [(R.choice(['男', '女']), min(95, ha + R.randint(22, 32)))]
        return family(v, ha, spouse_age=wa, kids=kids, parents=parents)
    ha = R.randint(52, 76)
    sa = R.randint(max(22, ha - 32), ha - 22)
    kids = [('男', sa)]
    if R.random() < 0.25:
        kids.append(('女', R.randint(18, max(18, sa - 1))))
    g = [(R.choice(['男', '女']), R.randint(0, max(0, sa - 22))) for _ in range(R.choice([1, 1, 2]))]
    return family(v, ha, spouse=R.random() < 0.8, kids=kids, dil={0: sa + R.randint(-4, 1)}, gkids={0: g})


# ----------------------------------------------------------------------------
# units (财政预算单位编码 / 单位性质)
# ----------------------------------------------------------------------------
UNITS = []
UBY = {}


def unit(fcode, name, kind, bz, n, cat):
    u = dict(fcode=fcode, name=name, kind=kind, bz=bz, n=n, cat=cat,
             uscc=make_uscc('11' if kind == '党政机关' else '12', COUNTY, new=False))
    UNITS.append(u)
    UBY[name] = u
    return u


unit('101001', '营山县人民政府', '党政机关', '行政编制', 0, 'gov')
unit('101002', '营山县人民政府办公室', '党政机关', '行政编制', 6, 'bureau')
unit('102001', '营山县财政局', '党政机关', '行政编制', 8, 'bureau')
unit('103001', '营山县住房和城乡建设局', '党政机关', '行政编制', 8, 'bureau')
unit('104001', '营山县交通运输局', '党政机关', '行政编制', 7, 'bureau')
unit('105001', '营山县水务局', '党政机关', '行政编制', 7, 'bureau')
unit('106001', '营山县农业农村局', '党政机关', '行政编制', 8, 'bureau')
unit('107001', '营山县民政局', '党政机关', '行政编制', 6, 'bureau')
unit('108001', '营山县教育局', '党政机关', '行政编制', 6, 'bureau')
unit('109001', '营山县自然资源局', '党政机关', '行政编制', 6, 'bureau')
unit('110001', '营山县市场监督管理局', '党政机关', '行政编制', 7, 'bureau')
unit('111001', '营山县人力资源和社会保障局', '党政机关', '行政编制', 6, 'bureau')
unit('112001', '营山县统计局', '党政机关', '行政编制', 4, 'bureau')
unit('113001', '营山县卫生健康局', '党政机关', '行政编制', 5, 'bureau')
for i, (_, tn, _, _) in enumerate(TOWNS):
    unit(f"2{i + 1:02d}001", f"营山县{tn}人民政府", '党政机关', '行政编制', 8, 'town')
unit('301001', '营山县人民医院', '事业单位', '事业编制', 12, 'hospital')
unit('302001', '营山县城南镇中心卫生院', '事业单位', '事业编制', 6, 'hospital')
unit('303001', '营山县朗池镇中心小学', '事业单位', '事业编制', 10, 'school')
unit('304001', '营山县第二中学', '事业单位', '事业编制', 10, 'school')

SALARY = {'一级科员': 4650, '二级科员': 4400, '四级主任科员': 5350, '三级主任科员': 5800, '二级主任科员': 6350,
          '一级主任科员': 6900, '副科级': 6300, '正科级': 7350, '副县级': 9600,
          '专业技术岗位十二级': 4200, '专业技术岗位十一级': 4500, '专业技术岗位十级': 4900,
          '专业技术岗位九级': 5300, '专业技术岗位八级': 5800, '专业技术岗位七级': 6400,
          '专业技术岗位五级': 7600, '管理岗位八级': 5400, '管理岗位七级': 6200, '管理岗位六级': 7000}
DUTIES = {
    'bureau': ['分管办公室、财务和机关党建工作', '分管行政审批和政策法规工作', '分管项目建设和质量安全工作',
               '分管行业监管和执法工作', '分管规划和信息统计工作'],
    'town': ['分管农业农村、乡村振兴工作', '分管城乡建设、安全生产工作', '分管社会事务、民政工作',
             '分管经济发展和财政工作'],
    'school': ['分管教学工作', '分管后勤和安全工作'],
    'hospital': ['分管医疗业务', '分管后勤、设备采购和基建工作'],
}

officials = []      # dict(p, posts=[...], party, work, bz, status)


def post(u, title, rank, leader, start, end=None, duty=''):
    return dict(unit=u, title=title, rank=rank, leader=leader, start=start, end=end, duty=duty)


def add_official(p, posts, party=None, work=None, status='在职', note=''):
    u0 = posts[0]['unit']
    if work is None:
        work = date(p['birth'].year + R.randint(21, 24), R.choice([7, 8, 9]), 1)
        work = min(work, posts[0]['start'])
    o = dict(p=p, posts=posts, party=party or ('中共党员' if R.random() < 0.72 else R.choice(['群众', '群众', '中国民主同盟盟员'])),
             work=work, bz=u0['bz'], status=status, note=note, pay_extra=[], pay_until=None)
    p['flags'].add('official')
    p['hh']['flags'].add('official')
    officials.append(o)
    return o


def staff_rank(u, age):
    if u['kind'] == '事业单位':
        if age < 30:
            return '专业技术岗位十二级'
        if age < 38:
            return R.choice(['专业技术岗位十一级', '专业技术岗位十级'])
        if age < 48:
            return R.choice(['专业技术岗位九级', '专业技术岗位八级'])
        return R.choice(['专业技术岗位八级', '专业技术岗位七级'])
    if age < 28:
        return R.choice(['一级科员', '二级科员'])
    if age < 36:
        return R.choice(['一级科员', '四级主任科员'])
    if age < 45:
        return R.choice(['四级主任科员', '三级主任科员'])
    return R.choice(['三级主任科员', '二级主任科员', '一级主任科员'])


def staff_title(u):
    return {'school': '教师', 'hospital': R.choice(['医师', '主治医师', '护师', '主管护师'])}.get(u['cat'], '科员')


def leader_titles(u):
    c = u['cat']
    if c == 'bureau':
        return [('局长' if '办公室' not in u['name'] else '主任', '正科级', '主持全面工作'),
                ('副局长' if '办公室' not in u['name'] else '副主任', '副科级', None),
                ('副局长' if '办公室' not in u['name'] else '副主任', '副科级', None)]
    if c == 'town':
        return [('党委书记', '正科级', '主持党委全面工作'), ('党委副书记、镇长', '正科级', '主持政府全面工作'),
                ('副镇长', '副科级', None), ('副镇长', '副科级', None)]
    if c == 'school':
        return [('校长', '管理岗位六级', '主持全面工作'), ('副校长', '管理岗位七级', None)]
    if c == 'hospital':
        return [('院长', '管理岗位六级', '主持全面工作'), ('副院长', '管理岗位七级', None)]
    return []


URBAN = [v for v in VILLAGES if v['kind'] == 'c']
RURAL = [v for v in VILLAGES if v['kind'] == 'v']


def official_home(age, sex, urban_v=None, **kw):
    v = urban_v or R.choice(URBAN)
    if sex == '男':
        wa = max(22, age + R.randint(-4, 2))
        kids = kw.pop('kids', None)
        if kids is None:
            kids = rand_kids(wa, R.choices([0, 1, 2], [2, 6, 2])[0])
        f = family(v, age, '男', spouse=kw.pop('spouse', R.random() < 0.88), spouse_age=wa, kids=kids, **kw)
        return f, f['head']
    # female official: household headed by husband
    ha = max(23, age + R.randint(-1, 5))
    kids = kw.pop('kids', None)
    if kids is None:
        kids = rand_kids(age, R.choices([0, 1, 2], [2, 6, 2])[0])
    f = family(v, ha, '男', spouse=True, spouse_age=age, kids=kids, **kw)
    return f, f['spouse']


# ----------------------------------------------------------------------------
# truth helpers
# ----------------------------------------------------------------------------
truth = []


def T(model, expected, keys, why, **extra):
    e = dict(model=model, expected=expected, keys=keys, why=why)
    e.update(extra)
    truth.append(e)
    return e


# ============================================================================
# 1. background population
# ============================================================================
for v in VILLAGES:
    n = 52 if v['kind'] == 'v' else 38
    for _ in range(n):
        bg_family(v)
# a collective household (集体户) in 东升社区: unrelated residents, relation 99
_coll = new_hh(VBY['东升社区'], kind='集体户')
_coll['addr'] = '四川省营山县朗池镇东升街18号'
for _ in range(6):
    add(_coll, new_person(R.choice(['男', '女']), bd(R.randint(19, 40)), None, VBY['东升社区'],
                          area=R.choice(OUTSIDE_AREAS + [COUNTY])), '99')
_coll['flags'].add('collective')

village_cadres = []       # dict(p, v, title, start, party, edu, phone)


def add_vcadre(p, v, title, start, party='中共党员', edu=None):
    c = dict(p=p, v=v, title=title, start=start, party=party,
             edu=edu or R.choice(['高中', '中专', '大专', '初中', '大专']), phone=mobile())
    p['flags'].add('vcadre')
    p['hh']['flags'].add('cadre')
    village_cadres.append(c)
    return c


# ============================================================================
# 2. planted people / families (flag 'planted' keeps them out of background
#    assignment of aid, companies, police records ...)
# ============================================================================
P = {}          # handle -> person / object, for truth keys
PL = ('planted',)

# ---------- officials with planted stories ---------------------------------
# M01a  township clerk is legal representative of a live company
f, p = official_home(36, '男', flags=PL)
P['m01a'] = add_official(p, [post(UBY['营山县骆市镇人民政府'], '科员', '一级科员', '否', d('2013-09-01'), d('2019-12-31')),
                             post(UBY['营山县骆市镇人民政府'], '科员', '四级主任科员', '否', d('2020-01-01'))],
                         party='中共党员')
# M01b  自然资源局 staff is a 30% shareholder
f, p = official_home(41, '女', flags=PL)
P['m01b'] = add_official(p, [post(UBY['营山县自然资源局'], '科员', '三级主任科员', '否', d('2017-03-01'))])
# M01 near-miss c: legal rep of a company revoked (吊销) in 2019
f, p = official_home(44, '男', flags=PL)
P['m01c'] = add_official(p, [post(UBY['营山县市场监督管理局'], '科员', '三级主任科员', '否', d('2012-08-01'))])

# M02a  副县长 (县处级副职) ; wife keeps her own hukou (separate household) -> marriage register
f, p = official_home(52, '男', kids=[('男', 19)], flags=PL, spouse=False)
P['m02a'] = add_official(p, [post(UBY['营山县人民政府'], '副县长', '副县级', '是', d('2021-09-28'),
                                  duty='负责住房城乡建设、交通运输、水利方面工作。分管县住房城乡建设局、县交通运输局、县水务局')],
                         party='中共党员', work=d('1994-07-01'))
fw = family(VBY['东升社区'], 50, '女', spouse=False, flags=PL)
P['m02a_wife'] = fw['head']
# M02b  交通运输局 局长 ; son (长子, same household) runs a road-haulage company
f, p = official_home(55, '男', kids=[('男', 31), ('女', 27)], flags=PL)
P['m02b'] = add_official(p, [post(UBY['营山县交通运输局'], '局长', '正科级', '是', d('2020-04-15'), duty='主持全面工作')],
                         party='中共党员')
P['m02b_son'] = f['kids'][0]
# M02 near-miss c: 教育局 副局长; 女婿 (code 28, lives in household) is only 监事 of a Chengdu restaurant firm
f, p = official_home(56, '男', kids=[('女', 30)], dil={0: 32}, flags=PL)
P['m02c'] = add_official(p, [post(UBY['营山县教育局'], '副局长', '副科级', '是', d('2018-06-01'),
                                  duty='分管教育教学和学校安全工作')], party='中共党员')
P['m02c_sil'] = f['dil'][0]
P['m02c_dau'] = f['kids'][0]
# M02 near-miss d: 住建局 副局长 divorced in 2019; ex-wife runs a construction-labour firm
f, p = official_home(47, '男', kids=[('男', 20)], flags=PL, spouse=False)
P['m02d'] = add_official(p, [post(UBY['营山县住房和城乡建设局'], '副局长', '副科级', '是', d('2019-11-01'),
                                  duty='分管建筑市场、质量安全监督工作')], party='中共党员')
fx = family(VBY['城南社区'], 46, '女', spouse=False, flags=PL)
P['m02d_ex'] = fx['head']

# M03a  水务局 副局长 ; younger brother (弟, code 73, same household) owns the winning bidder
f, p = official_home(41, '男', kids=[('男', 12)], parents=[('女', 68)], siblings=[('男', 34)], flags=PL)
P['m03a'] = add_official(p, [post(UBY['营山县水务局'], '科员', '四级主任科员', '否', d('2012-07-01'), d('2020-02-29')),
                             post(UBY['营山县水务局'], '副局长', '副科级', '是', d('2020-03-01'),
                                  duty='分管水利工程建设管理、农村水利工作')], party='中共党员')
P['m03a_bro'] = f['siblings'][0]
# M03b  城南镇 镇长 ; father (code 51, same household) is legal rep of a firm given direct awards by the town
f, p = official_home(45, '男', kids=[('女', 16)], parents=[('男', 71)], urban_v=VBY['城南社区'], flags=PL)
P['m03b'] = add_official(p, [post(UBY['营山县城南镇人民政府'], '党委副书记、镇长', '正科级', '是', d('2021-06-10'),
                                  duty='主持政府全面工作')], party='中共党员')
P['m03b_father'] = f['parents'][0]
# M03 near-miss c: was 交通局 副局长 until 2022-03, now 统计局 局长; brother's firm wins a 交通局 lot in 2023
f, p = official_home(50, '男', kids=[('男', 22)], siblings=[('男', 46)], flags=PL)
P['m03c'] = add_official(p, [post(UBY['营山县交通运输局'], '副局长', '副科级', '是', d('2016-05-01'), d('2022-03-30'),
                                  duty='分管公路建设和养护工作'),
                             post(UBY['营山县统计局'], '局长', '正科级', '是', d('2022-03-31'), duty='主持全面工作')],
                         party='中共党员')
P['m03c_bro'] = f['siblings'][0]

# M08a  回龙镇 clerk still registered in his parents' rural household (长子); household on 农村低保
f = family(VBY['龙泉村'], 55, spouse_age=53, kids=[('男', 26)], flags=PL)
P['m08a'] = add_official(f['kids'][0], [post(UBY['营山县回龙镇人民政府'], '科员', '一级科员', '否', d('2021-09-01'))],
                         party='共青团员', work=d('2021-09-01'))
P['m08a_father'] = f['head']
P['m08a_mother'] = f['spouse']
# M08b  primary-school teacher; husband (户主) is 城市低保 申请人 and she is listed as 配偶
f = family(VBY['东升社区'], 45, spouse_age=42, kids=[('女', 15)], flags=PL)
P['m08b'] = add_official(f['spouse'], [post(UBY['营山县朗池镇中心小学'], '教师', '专业技术岗位十级', '否', d('2006-09-01'))],
                         party='群众', work=d('2006-09-01'))
P['m08b_head'] = f['head']
P['m08b_fam'] = f
# M08/M09 near-miss: 城南镇 clerk has his own household; parents (separate 户号) on 低保 and farm subsidy
f, p = official_home(30, '男', urban_v=VBY['城南社区'], kids=[], flags=PL)
P['m08n'] = add_official(p, [post(UBY['营山县城南镇人民政府'], '科员', '一级科员', '否', d('2017-09-01'))])
fp_ = family(VBY['新桥村'], 58, spouse_age=57, flags=PL, sur=p['name'][0])
P['m08n_father'] = fp_['head']
P['m08n_fam'] = fp_

# M09a  骆市镇 staff is 户主 of a rural household and draws 耕地地力保护补贴
f = family(VBY['水井村'], 38, spouse_age=36, kids=[('男', 11)], flags=PL)
P['m09a'] = add_official(f['head'], [post(UBY['营山县骆市镇人民政府'], '科员', '四级主任科员', '否', d('2010-09-01'))])
# M09b  hospital nurse; her husband (户主, farmer) draws the subsidy for the household
f = family(VBY['桂花村'], 44, spouse_age=41, kids=[('男', 17)], flags=PL)
P['m09b'] = add_official(f['spouse'], [post(UBY['营山县人民医院'], '主管护师', '专业技术岗位九级', '否', d('2004-08-01'))],
                         party='群众', work=d('2004-08-01'))
P['m09b_head'] = f['head']

# M17a  双河镇 clerk, gambling; M17b hospital doctor, assault; neither disciplined
f, p = official_home(39, '男', flags=PL)
P['m17a'] = add_official(p, [post(UBY['营山县双河镇人民政府'], '科员', '三级主任科员', '否', d('2014-03-01'))], party='中共党员')
f, p = official_home(46, '男', flags=PL)
P['m17b'] = add_official(p, [post(UBY['营山县人民医院'], '主治医师', '专业技术岗位八级', '否', d('2003-08-01'))], party='中共党员',
                         work=d('2003-08-01'))
# M17 near-miss c: gambling, but disciplined (政务警告)
f, p = official_home(43, '男', flags=PL)
P['m17c'] = add_official(p, [post(UBY['营山县农业农村局'], '科员', '三级主任科员', '否', d('2011-09-01'))], party='中共党员')
# M17 near-miss d: gambling case in 2019, hired only in 2021
f, p = official_home(29, '男', flags=PL)
P['m17d'] = add_official(p, [post(UBY['营山县第二中学'], '教师', '专业技术岗位十二级', '否', d('2021-08-28'))],
                         party='群众', work=d('2021-08-28'))
# M18a  财政局 staff, drunk driving (醉驾); M18b 回龙镇 staff, drink driving; not disciplined
f, p = official_home(37, '男', flags=PL)
P['m18a'] = add_official(p, [post(UBY['营山县财政局'], '科员', '四级主任科员', '否', d('2016-07-01'))], party='中共党员')
f, p = official_home(33, '男', flags=PL)
P['m18b'] = add_official(p, [post(UBY['营山县回龙镇人民政府'], '科员', '一级科员', '否', d('2015-09-01'))], party='中共党员')
# M18 near-miss c: drink driving, disciplined (党内警告)
f, p = official_home(48, '男', flags=PL)
P['m18c'] = add_official(p, [post(UBY['营山县住房和城乡建设局'], '科员', '二级主任科员', '否', d('2009-07-01'))], party='中共党员')

# M21a  农业农村局 staff also paid by 回龙镇 (double payroll)
f, p = official_home(35, '男', flags=PL)
P['m21a'] = add_official(p, [post(UBY['营山县农业农村局'], '科员', '四级主任科员', '否', d('2013-09-01'))], party='中共党员',
                         note='2023年7月起借调回龙镇人民政府')
# M21b  民政局 staff died 2023-11-02, salary kept flowing
f, p = official_home(45, '男', flags=PL)
P['m21b'] = add_official(p, [post(UBY['营山县民政局'], '科员', '二级主任科员', '否', d('2008-03-01'))], party='中共党员')
# M21 near-miss d: transferred 水务局 -> 城南镇 on 2023-09-01, no overlapping month
f, p = official_home(32, '女', flags=PL)
P['m21d'] = add_official(p, [post(UBY['营山县水务局'], '科员', '一级科员', '否', d('2016-09-01'), d('2023-08-31')),
                             post(UBY['营山县城南镇人民政府'], '科员', '四级主任科员', '否', d('2023-09-01'))])

# M22a  市场监管局: 党内警告 2023-03-15, promoted 2023-09-01
f, p = official_home(34, '男', flags=PL)
P['m22a'] = add_official(p, [post(UBY['营山县市场监督管理局'], '科员', '一级科员', '否', d('2014-09-01'), d('2023-08-31')),
                             post(UBY['营山县市场监督管理局'], '科员', '四级主任科员', '否', d('2023-09-01'))],
                         party='中共党员')
# M22b  人社局: 政务处分 记过 2022-11-10, promoted 2023-04-01
f, p = official_home(40, '女', flags=PL)
P['m22b'] = add_official(p, [post(UBY['营山县人力资源和社会保障局'], '科员', '四级主任科员', '否', d('2015-04-01'), d('2023-03-31')),
                             post(UBY['营山县人力资源和社会保障局'], '科员', '三级主任科员', '否', d('2023-04-01'))],
                         party='中共党员')
# M22 near-miss: 党内警告 2021-03-10, promoted 2022-08-01 (> 12 months)
f, p = official_home(42, '男', flags=PL)
P['m22n'] = add_official(p, [post(UBY['营山县教育局'], '科员', '四级主任科员', '否', d('2013-09-01'), d('2022-07-31')),
                             post(UBY['营山县教育局'], '科员', '三级主任科员', '否', d('2022-08-01'))],
                         party='中共党员')

# ---------- village cadres with planted stories ------------------------------
# M04a 青龙村 村委会主任 ; son (长子) paid repeatedly for excavator work by the village
f = family(VBY['青龙村'], 54, spouse_age=52, kids=[('男', 29), ('女', 25)], flags=PL)
P['m04a'] = add_vcadre(f['head'], VBY['青龙村'], '村委会主任', d('2021-04-12'))
P['m04a_son'] = f['kids'][0]
# M04b 白鹤村 党支部书记 ; wife (配偶, same household) is legal rep of the contractor of a village road
f = family(VBY['白鹤村'], 51, spouse_age=49, kids=[('女', 24)], flags=PL)
P['m04b'] = add_vcadre(f['head'], VBY['白鹤村'], '党支部书记', d('2021-04-08'))
P['m04b_wife'] = f['spouse']
# M04 near-miss: 大河村 主任 and an unrelated villager sharing his surname who is paid for labour
f = family(VBY['大河村'], 50, spouse_age=48, kids=[('男', 23)], flags=PL)
P['m04n'] = add_vcadre(f['head'], VBY['大河村'], '党支部书记、村委会主任', d('2021-04-10'))
f2 = family(VBY['大河村'], 47, spouse_age=45, kids=[('女', 19)], flags=PL, sur=f['head']['name'][0])
P['m04n_other'] = f2['head']

# M06a 石板村 村委会主任 ; mother (母亲) on 特困供养, son on 临时救助 twice
f = family(VBY['石板村'], 49, spouse_age=47, kids=[('男', 23)], parents=[('女', 74)], flags=PL)
P['m06a'] = add_vcadre(f['head'], VBY['石板村'], '村委会主任', d('2021-04-15'))
P['m06a_mother'] = f['parents'][0]
P['m06a_son'] = f['kids'][0]
# M06b 观音村 文书 ; father (父亲) single-person 农村低保, wife 临时救助
f = family(VBY['观音村'], 46, spouse_age=44, kids=[('女', 20)], parents=[('男', 72)], flags=PL)
P['m06b'] = add_vcadre(f['head'], VBY['观音村'], '村委会委员（文书）', d('2021-04-15'))
P['m06b_father'] = f['parents'][0]
P['m06b_wife'] = f['spouse']
# M06 near-miss: 桂花村 委员 ; mother (86) receives only the universal 高龄津贴
f = family(VBY['桂花村'], 57, spouse_age=55, parents=[('女', 86)], flags=PL)
P['m06n'] = add_vcadre(f['head'], VBY['桂花村'], '村委会委员', d('2018-03-20'))
P['m06n_mother'] = f['parents'][0]

# M07a 金鸡村 会计 ; son (长子) on a 公益性岗位 while insured by a Dongguan factory
f = family(VBY['金鸡村'], 53, spouse_age=51, kids=[('男', 27), ('男', 24)], flags=PL)
P['m07a'] = add_vcadre(f['head'], VBY['金鸡村'], '村委会委员（会计）', d('2021-04-11'))
P['m07a_son'] = f['kids'][0]
# M07b 柏林村 主任 ; daughter (长女) on a 公益性岗位 while insured by a Chengdu property firm
f = family(VBY['柏林村'], 50, spouse_age=48, kids=[('女', 25), ('男', 21)], flags=PL)
P['m07b'] = add_vcadre(f['head'], VBY['柏林村'], '村委会主任', d('2021-04-09'))
P['m07b_dau'] = f['kids'][0]
# M07 near-miss: 太平村 书记 ; son's job and outside insurance overlap for only one month
f = family(VBY['太平村'], 55, spouse_age=54, kids=[('男', 28)], flags=PL)
P['m07n'] = add_vcadre(f['head'], VBY['太平村'], '党支部书记、村委会主任', d('2021-04-13'))
P['m07n_son'] = f['kids'][0]

# ---------- residents with planted stories ----------------------------------
# M10a 西街社区 城市低保 申请人 is legal rep and sole shareholder of a trading company
f = family(VBY['西街社区'], 47, spouse_age=45, kids=[('男', 16)], flags=PL)
P['m10a'] = f['head']
P['m10a_fam'] = f
# M10b 玉皇村 农村低保 household ; son (listed as 之子) holds 50% of a new agri company
f = family(VBY['玉皇村'], 62, spouse_age=60, kids=[('男', 35)], flags=PL)
P['m10b'] = f['head']
P['m10b_son'] = f['kids'][0]
P['m10b_fam'] = f
# M10 near-miss: 城南社区 低保 recipient whose company was deregistered (注销) in 2020, before 低保 began
f = family(VBY['城南社区'], 58, spouse=False, flags=PL)
P['m10n'] = f['head']
P['m10n_fam'] = f

# M11a 桂花村: mother died 2022-11-03 (cremation record; hukou never cancelled), 高龄津贴 continued
f = family(VBY['桂花村'], 60, spouse_age=58, parents=[('女', 88)], flags=PL)
P['m11a'] = f['parents'][0]
# M11b 水井村: single 低保 recipient died 2023-08-20; 低保 paid on to 2024-06
f = family(VBY['水井村'], 75, spouse=False, flags=PL)
P['m11b'] = f['head']
P['m11b_fam'] = f
# M11 near-miss c: 青杠村 88-year-old died 2024-01-10; 2023Q4 高龄津贴 paid late (补发) in March
f = family(VBY['青杠村'], 62, spouse_age=60, parents=[('男', 88)], flags=PL)
P['m11c'] = f['parents'][0]
# M11 near-miss d: 太平村 single 低保 recipient died 2023-10-05; last period 2023-11 (within grace)
f = family(VBY['太平村'], 79, head_sex='女', spouse=False, flags=PL)
P['m11d'] = f['head']
P['m11d_fam'] = f
# M11 near-miss e: 东升社区 enterprise pensioner died 2023-11-12; 丧葬补助金 booked to period 2024-03
f = family(VBY['东升社区'], 77, spouse_age=74, flags=PL)
P['m11e'] = f['head']

# M13a moved from 大河村 to 南门社区; 农村低保 never stopped, 城市低保 added
f = family(VBY['南门社区'], 52, spouse_age=50, flags=PL)
P['m13a'] = f['head']
P['m13a_fam'] = f
# M13b 檬子村: receives 城乡居民养老 and 企业职工养老 at the same time
f = family(VBY['檬子村'], 66, head_sex='女', spouse=False, flags=PL)
P['m13b'] = f['head']
# M13 near-miss: moved from 石板村 to 城南社区; 农村低保 ended 2023-06, 城市低保 began 2023-06 (transfer month)
f = family(VBY['城南社区'], 60, spouse=False, flags=PL)
P['m13n'] = f['head']
P['m13n_fam'] = f

# same-name near-misses (M01 d, M18 d) are created after the background officials exist.


# ============================================================================
# 3. background officials, village cadres, deaths
# ============================================================================
SALARY['正县级'] = 10600
LOWER = {'一级科员': '二级科员', '四级主任科员': '一级科员', '三级主任科员': '四级主任科员',
         '二级主任科员': '三级主任科员', '一级主任科员': '二级主任科员', '副科级': '四级主任科员',
         '正科级': '副科级', '副县级': '正科级', '正县级': '副县级',
         '专业技术岗位十一级': '专业技术岗位十二级', '专业技术岗位十级': '专业技术岗位十一级',
         '专业技术岗位九级': '专业技术岗位十级', '专业技术岗位八级': '专业技术岗位九级',
         '专业技术岗位七级': '专业技术岗位八级', '管理岗位六级': '管理岗位七级', '管理岗位七级': '管理岗位八级'}
GOV_LEADERS = [('县长', '正县级', '主持县政府全面工作'),
               ('副县长', '副县级', '负责教育、卫生健康、民政方面工作。分管县教育局、县卫生健康局、县民政局'),
               ('副县长', '副县级', '负责农业农村、自然资源方面工作。分管县农业农村局、县自然资源局')]
BG_PROMOTED = []


def bg_official(u, title, rank, leader, duty):
    if leader == '是':
        age = R.randint(38, 56) if u['cat'] != 'gov' else R.randint(45, 56)
    else:
        age = R.randint(24, 57)
    male_share = 0.7 if u['kind'] == '党政机关' else 0.45
    sex = '男' if R.random() < male_share else '女'
    f, p = official_home(age, sex)
    rank = rank or staff_rank(u, age)
    work = date(p['birth'].year + R.randint(21, 24), R.choice([7, 8, 9]), 1)
    work = min(work, d('2023-09-01'))
    promoted = False
    if R.random() < 0.22 and work < d('2020-01-01'):
        start = rdate(d('2022-07-01'), d('2024-05-01')).replace(day=1)
        promoted = True
    elif work < d('2022-06-01'):
        start = rdate(max(work, d('2011-01-01')), d('2022-06-30')).replace(day=1)
    else:
        start = work
    posts = []
    lr = LOWER.get(rank)
    if (promoted or (start - work).days > 800 and R.random() < 0.6) and lr and start > work:
        pu = u
        if not promoted and R.random() < 0.3:
            pu = R.choice([x for x in UNITS if x['kind'] == u['kind'] and x['n'] > 0])
        if lr in ('副科级', '正科级'):
            pt = {'town': '副镇长', 'bureau': '副局长'}.get(pu['cat'], '副院长' if pu['cat'] == 'hospital' else '副校长')
            pl = '是'
        elif pu['kind'] == '事业单位':
            pt, pl = staff_title(pu) if pu['cat'] == u['cat'] else staff_title(u), '否'
        else:
            pt, pl = '科员', '否'
        if pu['kind'] != u['kind']:
            pu = u
        posts.append(post(pu, pt, lr, pl, work, start - timedelta(days=1),
                          R.choice(DUTIES.get(pu['cat'], [''])) if pl == '是' else ''))
    posts.append(post(u, title, rank, leader, start, None, duty or ''))
    o = add_official(p, posts, work=work)
    if promoted:
        BG_PROMOTED.append(o)
    return o


for u in UNITS:
    cur_titles = [pp['title'] for o in officials for pp in o['posts'] if pp['unit'] is u and pp['end'] is None]
    cur_n = len(cur_titles)
    lt = GOV_LEADERS if u['cat'] == 'gov' else leader_titles(u)
    for title, rank, duty in lt:
        if title in cur_titles:
            cur_titles.remove(title)
            continue
        bg_official(u, title, rank, '是', duty or R.choice(DUTIES.get(u['cat'], [''])))
        cur_n += 1
    while cur_n < u['n']:
        bg_official(u, staff_title(u), None, '否', '')
        cur_n += 1

# ---------- village / community cadres ---------------------------------------
ONE_SHOULDER = ['党支部书记、村委会主任', '党支部副书记', '村委会委员（文书）', '村委会委员（会计）']
SEPARATE = ['党支部书记', '村委会主任', '村委会委员（文书）', '村委会委员（会计）']
COMMUNITY = ['党委书记、居委会主任', '居委会副主任', '居委会委员']
for v in VILLAGES:
    taken = [c['title'] for c in village_cadres if c['v'] is v]
    if v['kind'] == 'c':
        titles = COMMUNITY
    elif v['name'] in ('大河村', '太平村'):
        titles = ONE_SHOULDER
    elif v['name'] in ('青龙村', '白鹤村', '石板村', '柏林村'):
        titles = SEPARATE
    else:
        titles = ONE_SHOULDER if R.random() < 0.6 else SEPARATE
    cands = [h for h in households if h['v'] is v and not h['flags'] and h['kind'] == '家庭户'
             and 32 <= age_at(h['members'][0], SNAP) <= 62]
    R.shuffle(cands)
    for t in titles:
        if t in taken:
            continue
        h = cands.pop()
        start = R.choice([d('2021-04-10'), d('2021-04-12'), d('2021-04-15'), d('2018-03-20'), d('2016-04-08')])
        start = start + timedelta(days=R.randint(0, 3))
        party = '中共党员' if ('党' in t or R.random() < 0.6) else '群众'
        add_vcadre(h['members'][0], v, t, start, party=party)


# ---------- deaths ----------------------------------------------------------
def kill(p, death, crem=True, cancel_days=None):
    p['death'] = death
    if crem:
        p['crem'] = death + timedelta(days=R.randint(1, 3))
    if cancel_days is not None:
        c = death + timedelta(days=cancel_days)
        p['cancel'] = c if c <= SNAP else None


kill(P['m11a'], d('2022-11-03'), cancel_days=None)
P['m11a']['crem'] = d('2022-11-05')
kill(P['m11b'], d('2023-08-20'), cancel_days=51)
P['m11b']['crem'] = d('2023-08-22')
kill(P['m11c'], d('2024-01-10'), cancel_days=41)
P['m11c']['crem'] = d('2024-01-12')
kill(P['m11d'], d('2023-10-05'), cancel_days=46)
P['m11d']['crem'] = d('2023-10-07')
kill(P['m11e'], d('2023-11-12'), cancel_days=46)
P['m11e']['crem'] = d('2023-11-14')
kill(P['m21b']['p'], d('2023-11-02'), cancel_days=48)
P['m21b']['p']['crem'] = d('2023-11-04')

_elig = [p for p in people if p['hh'] and not (p['hh']['flags'] & {'planted', 'official', 'cadre', 'collective'})
         and p['death'] is None]
_old = [p for p in _elig if age_at(p, SNAP) >= 70 and (p['rel'] != '02' or len(p['hh']['members']) == 1)]
_mid = [p for p in _elig if 42 <= age_at(p, SNAP) < 70 and p['rel'] != '02']
for p in R.sample(_old, 58) + R.sample(_mid, 7):
    dd = rdate(d('2021-07-01'), d('2024-06-10'))
    kill(p, dd, crem=R.random() < 0.86, cancel_days=R.randint(8, 110) if R.random() < 0.82 else None)
    if p['crem'] is None and p['cancel'] is None:
        p['cancel'] = dd + timedelta(days=R.randint(20, 60)) if dd + timedelta(days=60) <= SNAP else None


def alive_on(p, when):
    return p['death'] is None or p['death'] >= when


# ---------- same-name near misses ------------------------------------------
_fin = [o for o in officials if o['posts'][-1]['unit']['name'] == '营山县财政局' and o['posts'][-1]['leader'] == '否'
        and 'planted' not in o['p']['hh']['flags']]
P['m01d_off'] = _fin[0]
f = family(VBY['高峰村'], 44, spouse_age=42, kids=[('女', 14)], flags=PL, sur=_fin[0]['p']['name'][0])
f['head']['name'] = _fin[0]['p']['name'] if _fin[0]['p']['sex'] == '男' else f['head']['name']
if _fin[0]['p']['sex'] != '男':     # make sure the namesake has the same name and sex
    f = family(VBY['高峰村'], 44, head_sex='女', spouse=False, flags=PL)
    f['head']['name'] = _fin[0]['p']['name']
P['m01d_farmer'] = f['head']
_tr = [o for o in officials if o['posts'][-1]['unit']['name'] == '营山县交通运输局' and o['posts'][-1]['leader'] == '否'
       and 'planted' not in o['p']['hh']['flags'] and o['p']['sex'] == '男']
P['m18d_off'] = _tr[0]
f = family(VBY['龙泉村'], 39, spouse_age=37, kids=[('男', 12)], flags=PL, sur=_tr[0]['p']['name'][0])
f['head']['name'] = _tr[0]['p']['name']
P['m18d_farmer'] = f['head']


def hh_members(p, alive_at=None):
    return [m for m in p['hh']['members'] if alive_at is None or alive_on(m, alive_at)]


# ============================================================================
# 4. marriage register
# ============================================================================
marriages = []   # dict(typ, when, h(dict with id,name), w, extra)


def marry(h, w, when, typ='结婚登记'):
    marriages.append(dict(typ=typ, when=when, h=h, w=w))


for hh in households:
    mem = hh['members']
    head = mem[0]
    pairs = []
    sp = [m for m in mem if m['rel'] in ('10', '11', '12')]
    if sp and hh['kind'] == '家庭户':
        pairs.append((head, sp[0], [m for m in mem if m['rel'][0] in '23' and m['rel'] not in ('28', '38')]))
    for k in mem:
        if k['rel'] in ('21', '22', '23', '24'):
            dl = [m for m in mem if m['rel'] == '38']
            if dl:
                pairs.append((k, dl[0], [m for m in mem if m['rel'] in ('41', '42')]))
        if k['rel'] in ('31', '32', '33', '34'):
            sl = [m for m in mem if m['rel'] == '28']
            if sl:
                pairs.append((sl[0], k, [m for m in mem if m['rel'] in ('43', '44')]))
    for a, b, kids in pairs:
        h, w = (a, b) if a['sex'] == '男' else (b, a)
        when = w['birth'] + timedelta(days=int(365.25 * R.randint(20, 27)) + R.randint(0, 200))
        if kids:
            eldest = min(k['birth'] for k in kids)
            when = min(when, eldest - timedelta(days=R.randint(200, 700)))
        legal = max(w['birth'] + timedelta(days=int(365.25 * 20) + 1), h['birth'] + timedelta(days=int(365.25 * 22) + 1))
        if legal > when:
            when = legal + timedelta(days=R.randint(0, 60))
        if d('2000-01-01') <= when <= SNAP and alive_on(h, when) and alive_on(w, when):
            marry(h, w, when)
# planted: separate-hukou wife of 副县长; divorced ex-wife of 住建局 副局长
marry(P['m02a']['p'], P['m02a_wife'], d('2003-10-18'))
marry(P['m02d']['p'], P['m02d_ex'], d('2001-05-20'))
marry(P['m02d']['p'], P['m02d_ex'], d('2019-06-18'), '离婚登记')
# background divorces and couples who registered here but live elsewhere
_single = [h['members'][0] for h in households if not h['flags'] and len(h['members']) <= 3
           and 35 <= age_at(h['members'][0], SNAP) <= 55
           and not any(m['rel'] in ('10', '11', '12') for m in h['members'])]
for p in R.sample(_single, 3):
    x = ext_person(R.choice(OUTSIDE_AREAS), age_at(p, SNAP) + R.randint(-3, 3), '女' if p['sex'] == '男' else '男')
    h, w = (p, x) if p['sex'] == '男' else (x, p)
    w0 = rdate(d('2004-01-01'), d('2011-12-31'))
    marry(h, w, w0)
    marry(h, w, rdate(w0 + timedelta(days=900), d('2022-12-31')), '离婚登记')
for _ in range(8):
    hx = ext_person(R.choice(OUTSIDE_AREAS), R.randint(24, 40), '男')
    wx = ext_person(R.choice(OUTSIDE_AREAS), age_at(hx, SNAP) - R.randint(0, 4), '女')
    legal = max(hx['birth'] + timedelta(days=int(365.25 * 22) + 1), wx['birth'] + timedelta(days=int(365.25 * 20) + 1))
    marry(hx, wx, max(legal, rdate(d('2012-01-01'), d('2024-05-31'))))
marriages.sort(key=lambda m: (m['when'], m['h']['id']))

# ============================================================================
# 5. social assistance (民政) and 一卡通 subsidies
# ============================================================================
REL_WORD = {'02': '本人', '10': '配偶', '11': '配偶', '12': '配偶', '21': '之子', '22': '长子', '23': '次子',
            '24': '三子', '31': '之女', '32': '长女', '33': '次女', '34': '三女', '38': '儿媳', '28': '女婿',
            '41': '孙子', '42': '孙女', '43': '外孙子', '44': '外孙女', '51': '父亲', '52': '母亲',
            '71': '兄', '73': '弟', '75': '姐', '77': '妹'}
ACCTS = {}


def card(p):
    if p['id'] not in ACCTS:
        ACCTS[p['id']] = R.choice(['6214', '6217', '6228']) + f"{R.randint(0, 10 ** 15 - 1):015d}"
    return ACCTS[p['id']]


aid_cases = []        # 低保/特困 cases
_famseq = {}


def aid_case(kind, v, applicant, covered, start, end=None, per=None, months=None, addr=None):
    _famseq[v['code']] = _famseq.get(v['code'], 0) + 1
    kc = {'城市低保': 'C', '农村低保': 'N', '特困人员救助供养': 'T'}[kind]
    per_person = None
    if per is None:      # background: per-person 补差 amount; household amount = per person x covered members
        per_person = {'城市低保': R.randint(42, 58) * 10, '农村低保': R.randint(26, 40) * 10,
                      '特困人员救助供养': R.randint(95, 112) * 10}[kind]
    mem = []
    for p, w in covered:
        mem.append((p, w, '是'))
    c = dict(kind=kind, v=v, famno=f"{v['code']}{kc}{_famseq[v['code']]:04d}", app=applicant, mem=mem,
             start=start, end=end, per=per, pp=per_person, months=months, addr=addr or applicant['hh']['addr'])
    aid_cases.append(c)
    applicant['hh']['flags'].add('aid')
    return c


def rel_to_app(m, app):
    if m is app:
        return '本人'
    if app['rel'] == '02':
        return REL_WORD.get(m['rel'], '其他')
    return '其他'


_free = lambda h: not (h['flags'] & {'planted', 'official', 'cadre', 'collective', 'aid', 'biz'})
for v in RURAL:
    c = [h for h in households if h['v'] is v and _free(h) and h['members'][0]['death'] is None
         and (age_at(h['members'][0], SNAP) >= 55 or len(h['members']) <= 2)]
    for h in R.sample(c, 3):
        app = h['members'][0]
        cov = [(m, rel_to_app(m, app)) for m in h['members'] if alive_on(m, d('2023-01-01'))]
        end = rdate(d('2023-03-01'), d('2024-03-31')) if R.random() < 0.12 else None
        aid_case('农村低保', v, app, cov, rdate(d('2015-01-01'), d('2022-10-31')), end)
    c = [h for h in households if h['v'] is v and _free(h) and len(h['members']) == 1
         and age_at(h['members'][0], SNAP) >= 62 and alive_on(h['members'][0], d('2023-03-01'))]
    if c:
        h = R.choice(c)
        aid_case('特困人员救助供养', v, h['members'][0], [(h['members'][0], '本人')],
                 rdate(d('2014-01-01'), d('2022-06-30')))
for v in URBAN:
    c = [h for h in households if h['v'] is v and _free(h) and h['members'][0]['death'] is None]
    for h in R.sample(c, 4):
        app = h['members'][0]
        cov = [(m, rel_to_app(m, app)) for m in h['members'] if alive_on(m, d('2023-01-01'))]
        aid_case('城市低保', v, app, cov, rdate(d('2016-01-01'), d('2022-10-31')),
                 rdate(d('2023-05-01'), d('2024-02-28')) if R.random() < 0.1 else None)

# ---- planted aid cases -------------------------------------------------------
# M06a mother on 特困 (she has a son who is the village head)
aid_case('特困人员救助供养', VBY['石板村'], P['m06a_mother'], [(P['m06a_mother'], '本人')], d('2021-09-01'))
# M06b father single-person 农村低保
aid_case('农村低保', VBY['观音村'], P['m06b_father'], [(P['m06b_father'], '本人')], d('2021-10-01'), per=420)
# M08a parents' 农村低保, payroll son not declared
aid_case('农村低保', VBY['龙泉村'], P['m08a_father'],
         [(P['m08a_father'], '本人'), (P['m08a_mother'], '配偶')], d('2020-06-01'), per=810)
# M08b husband's 城市低保 lists the teacher as 配偶
fam = P['m08b_fam']
aid_case('城市低保', VBY['东升社区'], P['m08b_head'],
         [(fam['head'], '本人'), (fam['spouse'], '配偶'), (fam['kids'][0], '之女')], d('2022-03-01'), per=1650)
# M08/M09 near-miss: parents' own household in 新桥村
fam = P['m08n_fam']
aid_case('农村低保', VBY['新桥村'], fam['head'], [(fam['head'], '本人'), (fam['spouse'], '配偶')], d('2019-05-01'),
         per=760)
# M10a / M10b / M10 near-miss
fam = P['m10a_fam']
aid_case('城市低保', VBY['西街社区'], fam['head'], [(m, rel_to_app(m, fam['head'])) for m in fam['hh']['members']],
         d('2022-01-01'), per=1560)
fam = P['m10b_fam']
aid_case('农村低保', VBY['玉皇村'], fam['head'], [(m, rel_to_app(m, fam['head'])) for m in fam['hh']['members']],
         d('2021-06-01'), per=1080)
aid_case('城市低保', VBY['城南社区'], P['m10n'], [(P['m10n'], '本人')], d('2022-03-01'), per=610)
# M11b single 农村低保 recipient, paid 10 months after death; M11 near-miss d: paid one month after death
aid_case('农村低保', VBY['水井村'], P['m11b'], [(P['m11b'], '本人')], d('2019-04-01'), per=430,
         months=[m for m in MONTHS])
aid_case('农村低保', VBY['太平村'], P['m11d'], [(P['m11d'], '本人')], d('2018-07-01'), per=410,
         months=[m for m in MONTHS if m <= (2023, 11)])
# M13a: 农村低保 (old village 大河村) continues while 城市低保 (南门社区) is added from 2023-07
fam = P['m13a_fam']
old_addr = f"四川省营山县回龙镇大河村{R.randint(1, 9)}组{R.randint(1, 90)}号"
aid_case('农村低保', VBY['大河村'], fam['head'], [(fam['head'], '本人'), (fam['spouse'], '配偶')], d('2020-11-01'),
         per=780, addr=old_addr)
aid_case('城市低保', VBY['南门社区'], fam['head'], [(fam['head'], '本人'), (fam['spouse'], '配偶')], d('2023-07-01'),
         per=1180)
# M13 near-miss: 农村低保 to 2023-06, 城市低保 from 2023-06 (one transfer month)
aid_case('农村低保', VBY['石板村'], P['m13n'], [(P['m13n'], '本人')], d('2019-08-01'), end=d('2023-06-30'), per=400,
         addr=f"四川省营山县城南镇石板村{R.randint(1, 9)}组{R.randint(1, 90)}号")
aid_case('城市低保', VBY['城南社区'], P['m13n'], [(P['m13n'], '本人')], d('2023-06-01'), per=600)


def case_months(c):
    if c['months'] is not None:
        return c['months']
    res = []
    for (y, m) in MONTHS:
        if month_end(y, m) < c['start']:
            continue
        if c['end'] and month_start(y, m) > c['end']:
            continue
        dd = c['app']['death']
        if dd and month_start(y, m) > dd:
            continue
        res.append((y, m))
    return res


# ---- 一卡通 惠民惠农补贴 ----------------------------------------------------------
YKT = {'YKT01': ('高龄津贴', '营山县民政局'), 'YKT02': ('耕地地力保护补贴', '营山县农业农村局'),
       'YKT03': ('公益性岗位补贴', '营山县人力资源和社会保障局'), 'YKT04': ('临时救助金', '营山县民政局'),
       'YKT05': ('困难残疾人生活补贴', '营山县残疾人联合会'), 'YKT06': ('重度残疾人护理补贴', '营山县残疾人联合会'),
       'YKT07': ('农村危房改造补助资金', '营山县住房和城乡建设局')}
ykt = []      # dict(code, p, v, pf, pt, qty, amt, paid, note)


def ykt_row(code, p, pf, pt, amt, paid, qty='', note='', v=None):
    ykt.append(dict(code=code, p=p, v=v or p['hh']['v'], pf=pf, pt=pt, qty=qty, amt=amt, paid=paid, note=note))


# 高龄津贴: quarterly, paid on the 20th of the quarter's last month; quarters that start before death
def glj_rate(age):
    return 300 if age >= 100 else (100 if age >= 90 else 50)


SPECIAL_GLJ = {P['m11a']['id'], P['m11c']['id']}
for p in people:
    if p['id'] in SPECIAL_GLJ:
        continue
    for (y, q) in QUARTERS:
        qs = date(y, 3 * q - 2, 1)
        if age_at(p, qs) < 80 or not alive_on(p, qs):
            continue
        ykt_row('YKT01', p, (y, 3 * q - 2), (y, 3 * q), glj_rate(age_at(p, qs)) * 3, date(y, 3 * q, 20),
                qty=f"{glj_rate(age_at(p, qs))}元/月")
# M11a: dead since 2022-11-03, 高龄津贴 continues every quarter
for (y, q) in QUARTERS:
    ykt_row('YKT01', P['m11a'], (y, 3 * q - 2), (y, 3 * q), 150, date(y, 3 * q, 20), qty='50元/月')
# M11 near-miss c: died 2024-01-10; 2023Q4 missed and paid as arrears in March 2024
for (y, q) in QUARTERS[:3]:
    ykt_row('YKT01', P['m11c'], (y, 3 * q - 2), (y, 3 * q), 150, date(y, 3 * q, 20), qty='50元/月')
ykt_row('YKT01', P['m11c'], (2023, 10), (2023, 12), 150, d('2024-03-20'), qty='50元/月', note='补发2023年第四季度')

# 耕地地力保护补贴: annual, to the head of each contracting rural household
GDL_RATE = {2023: 104.16, 2024: 101.73}
GDL_PAID = {2023: d('2023-06-16'), 2024: d('2024-05-28')}
AREA = {}
for h in households:
    if h['v']['kind'] != 'v' or h['flags'] & {'planted', 'collective'}:
        continue
    if R.random() < 0.12:
        continue
    AREA[h['no']] = round(R.uniform(0.8, 7.5), 2)
    for yr in (2023, 2024):
        head = h['members'][0]
        if not alive_on(head, GDL_PAID[yr]):
            continue
        a = AREA[h['no']]
        ykt_row('YKT02', head, (yr, 1), (yr, 12), round(a * GDL_RATE[yr], 2), GDL_PAID[yr], qty=f"{a}")


def gdl(p, area):
    for yr in (2023, 2024):
        ykt_row('YKT02', p, (yr, 1), (yr, 12), round(area * GDL_RATE[yr], 2), GDL_PAID[yr], qty=f"{area}")


gdl(P['m09a']['p'], 5.32)                   # M09a: the official himself
gdl(P['m09b_head'], 4.18)                   # M09b: husband (same household as the nurse)
gdl(P['m08n_father'], 3.65)                 # M09 near-miss: parents' separate household
for pk in ('m04a', 'm04b', 'm04n', 'm06a', 'm06b', 'm06n', 'm07a', 'm07b', 'm07n'):   # cadres are 户主
    gdl(P[pk]['p'], round(R.uniform(1.5, 6.0), 2))
for pk in ('m04n_other', 'm10b'):
    gdl(P[pk], round(R.uniform(1.5, 5.0), 2))

# 公益性岗位补贴, 残疾人两项补贴, 临时救助, 危房改造 (background)
_pool_aidp = [p for p in people if p['hh'] and not (p['hh']['flags'] & {'planted', 'official', 'cadre', 'collective'})
              and p['death'] is None]
GYGW = []      # (p, post, from(y,m), to(y,m), amt)
_gw_names = ['村级劳动保障协理员', '村道保洁员', '护林员', '河道巡查员', '村级公共服务代理员', '农村公路养护员']
for p in R.sample([p for p in _pool_aidp if 30 <= age_at(p, SNAP) <= 58 and p['hh']['v']['kind'] == 'v'], 22):
    f_ = R.choice(MONTHS[:10])
    t_ = R.choice([m for m in MONTHS if m >= f_])
    if R.random() < 0.5:
        t_ = MONTHS[-1]
    GYGW.append((p, R.choice(_gw_names), f_, t_, R.choice([600, 800, 1000, 1200])))
    p['flags'].add('gygw')
GYGW.append((P['m07a_son'], '村级劳动保障协理员', (2023, 3), (2023, 12), 300))
GYGW.append((P['m07b_dau'], '村道保洁员', (2023, 7), (2024, 6), 500))
GYGW.append((P['m07n_son'], '护林员', (2023, 1), (2023, 6), 600))
for p, pn, f_, t_, amt in GYGW:
    for (y, m) in MONTHS:
        if f_ <= (y, m) <= t_:
            ykt_row('YKT03', p, (y, m), (y, m), amt, date(y, m, 25) if m != 2 else date(y, m, 26), qty=pn)

_dis = R.sample([p for p in _pool_aidp if age_at(p, SNAP) >= 16 and 'gygw' not in p['flags']], 46)
for p in _dis:
    code = 'YKT05' if 'aid' in p['hh']['flags'] and R.random() < 0.8 else 'YKT06'
    amt = 90 if code == 'YKT05' else 80
    for (y, m) in MONTHS:
        if not alive_on(p, month_start(y, m)):
            continue
        ykt_row(code, p, (y, m), (y, m), amt, date(y, m, 12), qty='二级' if code == 'YKT06' else '')
for p in R.sample([p for p in _pool_aidp if age_at(p, SNAP) >= 18], 30):
    when = rdate(d('2023-01-05'), d('2024-06-20'))
    if not alive_on(p, when):
        continue
    ykt_row('YKT04', p, (when.year, when.month), (when.year, when.month), R.choice([500, 800, 1000, 1500, 2000, 3000]),
            when, note=R.choice(['因病', '因灾', '突发事件', '因病致困']))
for h in R.sample([h for h in households if h['v']['kind'] == 'v' and _free(h) and h['members'][0]['death'] is None], 8):
    when = rdate(d('2023-03-01'), d('2023-12-20'))
    ykt_row('YKT07', h['members'][0], (2023, 1), (2023, 12), R.choice([15000, 20000, 25000, 35000]), when,
            note=R.choice(['C级危房加固', 'D级危房拆除重建']))
# M06a son: two 临时救助 payments; M06b wife: one
ykt_row('YKT04', P['m06a_son'], (2023, 4), (2023, 4), 2000, d('2023-04-18'), note='因病')
ykt_row('YKT04', P['m06a_son'], (2024, 1), (2024, 1), 1500, d('2024-01-22'), note='因病致困')
ykt_row('YKT04', P['m06b_wife'], (2023, 9), (2023, 9), 3000, d('2023-09-07'), note='因灾')

# ============================================================================
# 6. pensions (人社 养老保险待遇)
# ============================================================================
pensions = []      # dict(p, ins, item, per, amt, paid)
ENT, INST = {}, {}
RES = {}
for p in people:
    if age_at(p, month_start(2024, 6)) < 60 or (p['death'] and p['death'] < d('2023-01-01')):
        continue
    if p['hh']['flags'] & {'planted'} and p is not P['m11e'] and p is not P['m13b']:
        RES[p['id']] = R.randint(150, 320)
        continue
    urban = p['hh']['v']['kind'] == 'c'
    r = R.random()
    if r < (0.22 if urban else 0.04):
        ENT[p['id']] = round(R.uniform(1800, 3600), 2)
    elif r < (0.30 if urban else 0.05):
        INST[p['id']] = round(R.uniform(3800, 6200), 2)
    else:
        RES[p['id']] = R.randint(150, 320)
ENT[P['m11e']['id']] = 2684.37
RES.pop(P['m11e']['id'], None)
ENT[P['m13b']['id']] = 2146.52            # M13b: both enterprise pension ...
RES[P['m13b']['id']] = 186                # ... and the residents' pension
INS_NAME = {'RES': '城乡居民基本养老保险', 'ENT': '企业职工基本养老保险', 'INST': '机关事业单位基本养老保险'}
for key, table, day in (('RES', RES, 15), ('ENT', ENT, 8), ('INST', INST, 8)):
    for pid in sorted(table):
        p = by_id[pid]
        for (y, m) in MONTHS:
            ms = month_start(y, m)
            if age_at(p, month_end(y, m)) < 60 or not alive_on(p, ms):
                continue
            amt = table[pid] if y == 2023 else round(table[pid] * (1.0 if key == 'RES' else 1.028), 2)
            if key == 'RES' and y == 2024:
                amt = table[pid] + 10
            pensions.append(dict(p=p, ins=INS_NAME[key], item='基本养老金', per=(y, m), amt=amt, paid=date(y, m, day)))
        dd = p['death']
        if dd and d('2023-01-01') <= dd:
            paid = dd + timedelta(days=R.randint(25, 70))
            per = (dd.year, dd.month)
            if p is P['m11e']:
                paid, per = d('2024-03-18'), (2024, 3)
            if paid <= SNAP:
                amt = {'RES': 1000, 'ENT': round(table[pid] * 3, 2), 'INST': round(table[pid] * 3, 2)}[key]
                pensions.append(dict(p=p, ins=INS_NAME[key], item='丧葬补助金', per=per, amt=amt, paid=paid))

# ============================================================================
# 7. companies (市场监管)
# ============================================================================
LIVE = '存续（在营、开业、在册）'
companies = []
CBY = {}
_used_words = set()
_WA = '宏鑫盛华蜀嘉恒金远瑞兴众利永和天润博锦泰诚鼎汇长广聚中安川禾佳同新德昌顺祥富腾骏正明宇民益丰绿青'
_WB = '达源世建通信鼎航业安顺成泽程图力泰创城润瑞飞驰绣远恒农年禾盛'
_RESERVED = {'青禾', '金诚', '通顺', '恒泰', '畅行', '安居', '润川', '安汉', '通达', '鑫石', '兴旺', '玉丰', '广福', '诚信',
             '蓉香', '味之', '锦华', '新锐', '瑞通', '德信', '华鼎', '鼎恒', '蜀达', '金瑞', '宏远', '川禾', '盛通'}
WORDS = sorted({a + b for a in _WA for b in _WB if a != b} - _RESERVED)
R.shuffle(WORDS)


def word():
    w = WORDS.pop()
    return w


_ppool = None


def take_person(min_age=25, max_age=62, v=None):
    """an adult county resident with no official/cadre/aid/planted link, used once"""
    global _ppool
    if _ppool is None:
        _ppool = [p for p in people if p['hh'] and p['death'] is None
                  and not (p['hh']['flags'] & {'planted', 'official', 'cadre', 'collective', 'aid'})
                  and 'gygw' not in p['flags']]
        R.shuffle(_ppool)
    for i, p in enumerate(_ppool):
        if min_age <= age_at(p, SNAP) <= max_age and (v is None or p['hh']['v'] is v) and 'biz' not in p['flags']:
            _ppool.pop(i)
            p['flags'].add('biz')
            p['hh']['flags'].add('biz')
            return p
    raise RuntimeError('person pool exhausted')


REGION_NAME = {'511322': ('四川省南充市营山县', '营山县市场监督管理局'), '511302': ('四川省南充市顺庆区', '南充市顺庆区市场监督管理局'),
               '511303': ('四川省南充市高坪区', '南充市高坪区市场监督管理局'), '510104': ('四川省成都市锦江区', '成都市锦江区市场监督管理局'),
               '510107': ('四川省成都市武侯区', '成都市武侯区市场监督管理局'), '511621': ('四川省广安市岳池县', '岳池县市场监督管理局'),
               '511321': ('四川省南充市南部县', '南部县市场监督管理局'), '510623': ('四川省德阳市中江县', '中江县市场监督管理局')}
REGION_PREFIX = {'511322': '营山县', '511302': '南充市', '511303': '南充市', '510104': '四川', '510107': '成都市',
                 '511621': '岳池县', '511321': '南部县', '510623': '四川'}
STREETS_LOCAL = ['朗池镇安汉路', '朗池镇朗池大道', '朗池镇西街', '城南镇城南大道', '朗池镇绥安路', '骆市镇正街',
                 '回龙镇场镇', '双河镇新街', '城南镇工业园区']
IND = {
    'build': ('建筑业-房屋建筑业', '房屋建筑工程施工；建筑劳务分包；土石方工程施工；建筑材料销售'),
    'civil': ('建筑业-土木工程建筑业', '市政公用工程施工；公路工程施工；园林绿化工程施工；土石方工程施工'),
    'water': ('建筑业-土木工程建筑业', '水利水电工程施工；河湖整治工程施工；农田水利工程施工'),
    'road': ('建筑业-土木工程建筑业', '公路工程施工；公路路基、路面工程施工；桥梁工程施工'),
    'labour': ('建筑业-建筑安装业', '建筑劳务分包；施工劳务作业；建筑装饰装修工程'),
    'haul': ('交通运输、仓储和邮政业-道路运输业', '道路普通货物运输；货物专用运输（集装箱）；装卸搬运'),
    'trade': ('批发和零售业-批发业', '办公用品、文具、计算机软硬件及辅助设备销售；家具销售'),
    'medic': ('批发和零售业-批发业', '第二类医疗器械销售；医用耗材销售；消毒剂销售'),
    'agri': ('农、林、牧、渔业-农业', '蔬菜、水果种植；农产品初加工；农业技术推广服务'),
    'food': ('住宿和餐饮业-餐饮业', '餐饮服务；食品销售；餐饮管理'),
    'prop': ('房地产业-物业管理', '物业管理；保洁服务；绿化管护'),
    'acct': ('租赁和商务服务业-商务服务业', '代理记账；财务咨询；企业登记代理'),
    'shop': ('批发和零售业-零售业', '日用百货、副食品、烟酒零售'),
    'it': ('信息传输、软件和信息技术服务业-软件和信息技术服务业', '信息系统集成服务；安防监控设备安装；计算机软硬件销售'),
}
SUFFIX = {'build': '建筑工程有限公司', 'civil': '市政工程有限公司', 'water': '水利水电工程有限公司', 'road': '路桥工程有限公司',
          'labour': '建筑劳务有限公司', 'haul': '物流运输有限公司', 'trade': '商贸有限公司', 'medic': '医疗器械有限公司',
          'agri': '农业开发有限公司', 'food': '餐饮管理有限公司', 'prop': '物业服务有限公司', 'acct': '财务咨询有限公司',
          'shop': '副食店', 'it': '科技有限公司'}


def company(kind, lr, est, *, region=COUNTY, ctype='有限责任公司（自然人投资或控股）', name=None, cap=None, holders=None,
            officers=None, status=LIVE, sdate=None, ins=None, phone=None, addr=None):
    explicit_name = name is not None
    if name is None:
        name = REGION_PREFIX[region] + word() + SUFFIX[kind]
        if kind == 'shop':
            name = f"营山县{R.choice(['朗池镇', '城南镇', '骆市镇', '双河镇', '回龙镇'])}{word()}{R.choice(['副食店', '建材经营部', '农资经营部', '五金店', '餐馆'])}"
    prefix = '92' if ctype == '个体工商户' else '91'
    while name in CBY and not explicit_name:
        name = REGION_PREFIX[region] + word() + SUFFIX[kind]
    assert name not in CBY, name
    c = dict(name=name, kind=kind, lr=lr, est=est, region=region, ctype=ctype,
             uscc=make_uscc(prefix, region, new=est >= d('2015-10-01')),
             cap=cap if cap is not None else (R.choice([3, 5, 10, 20]) if ctype == '个体工商户' else R.choice([50, 100, 200, 300, 500, 800, 1000, 2000])),
             status=status, sdate=sdate, ins=ins if ins is not None else (R.randint(0, 2) if ctype == '个体工商户' else R.randint(3, 45)),
             phone=phone if phone is not None else (mobile() if R.random() < 0.7 else f"0817-82{R.randint(10000, 99999)}"),
             addr=addr or (f"{REGION_NAME[region][0]}{R.choice(STREETS_LOCAL)}{R.randint(1, 300)}号" if region == COUNTY
                           else f"{REGION_NAME[region][0]}{R.choice(['人民路', '建设路', '滨江路', '工业大道', '科华北路'])}{R.randint(1, 500)}号"),
             holders=[], officers=[], bid=None)
    ind, scope = IND[kind]
    c['ind'], c['scope'] = ind, scope
    if ctype == '个体工商户':
        pass
    elif holders is None:
        if ctype == '有限责任公司（自然人独资）' or R.random() < 0.35:
            c['holders'] = [dict(h=lr, amt=c['cap'], reg=est)]
        else:
            other = take_person() if region == COUNTY else ext_person(region)
            share = R.choice([0.51, 0.6, 0.7, 0.8])
            c['holders'] = [dict(h=lr, amt=round(c['cap'] * share, 2), reg=est),
                            dict(h=other, amt=round(c['cap'] * (1 - share), 2), reg=est)]
    else:
        c['holders'] = holders
    if ctype != '个体工商户':
        if officers is None:
            sup = take_person() if region == COUNTY else ext_person(region)
            c['officers'] = [dict(p=lr, role='执行董事兼总经理', since=est), dict(p=sup, role='监事', since=est)]
        else:
            c['officers'] = officers
    companies.append(c)
    CBY[name] = c
    return c


def local_lr(min_age=28, max_age=60):
    return take_person(min_age, max_age)


# ---- bidder pools -----------------------------------------------------------
BID_C, BID_S = [], []
for i in range(30):
    kind = R.choice(['build', 'civil', 'water', 'road', 'build', 'civil'])
    region = COUNTY if i < 18 else R.choice(['511302', '511303', '510104', '510107', '511621', '511321', '510623'])
    lr = local_lr() if region == COUNTY else ext_person(region)
    BID_C.append(company(kind, lr, rdate(d('2006-01-01'), d('2019-06-30')), region=region,
                         cap=R.choice([500, 800, 1000, 2000, 3000, 5000]), ins=R.randint(8, 60)))
for i, kind in enumerate(['trade'] * 5 + ['medic'] * 4 + ['it'] * 4 + ['prop'] * 5):
    region = COUNTY if i % 4 != 3 else R.choice(['511302', '510104', '510107'])
    lr = local_lr() if region == COUNTY else ext_person(region)
    BID_S.append(company(kind, lr, rdate(d('2008-01-01'), d('2019-12-31')), region=region,
                         cap=R.choice([100, 200, 300, 500, 1000]), ins=R.randint(3, 25)))
# other local companies and 个体工商户
OTHER = []
for i in range(34):
    kind = R.choice(['trade', 'agri', 'food', 'haul', 'shop', 'prop', 'labour', 'agri'])
    if kind == 'shop':
        kind = 'trade'
    est = rdate(d('2005-01-01'), d('2024-03-31') if i >= 8 else d('2020-12-31'))
    st, sd = LIVE, None
    if i < 5:
        st, sd = '注销', rdate(est + timedelta(days=400), d('2024-05-31'))
    elif i < 8:
        st, sd = '吊销，未注销', rdate(est + timedelta(days=600), d('2023-12-31'))
    OTHER.append(company(kind, local_lr(25, 62), est, ctype=R.choice(['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）']),
                         status=st, sdate=sd, cap=R.choice([10, 30, 50, 100, 200])))
for i in range(25):
    company('shop', local_lr(25, 65), rdate(d('2003-01-01'), d('2024-04-30')), ctype='个体工商户')
# 代理记账 hub: one phone number registered for many firms
HUB_PHONE = '0817-8236519'
hub = company('acct', local_lr(), d('2011-03-15'), name='营山县诚信财务咨询有限公司', phone=HUB_PHONE, ins=4)
for c in OTHER[10:16] + [BID_C[3], BID_C[7]]:
    c['phone'] = HUB_PHONE

# ---- planted companies ------------------------------------------------------
o = P['m01a']['p']
PC = {}
PC['m01a'] = company('agri', o, d('2021-06-08'), name='营山县青禾源农业科技有限公司',
                     holders=None, ins=2)
PC['m01a']['holders'] = [dict(h=o, amt=70, reg=d('2021-06-08')), dict(h=take_person(), amt=30, reg=d('2021-06-08'))]
PC['m01a']['cap'] = 100
lr = take_person()
PC['m01b'] = company('food', lr, d('2019-03-22'), name='营山县味之源餐饮管理有限公司', cap=100,
                     holders=[dict(h=lr, amt=70, reg=d('2019-03-22')), dict(h=P['m01b']['p'], amt=30, reg=d('2022-04-26'))],
                     ins=6)
PC['m01c'] = company('trade', P['m01c']['p'], d('2014-05-12'), name='营山县金诚商贸有限公司', cap=50,
                     ctype='有限责任公司（自然人独资）', status='吊销，未注销', sdate=d('2019-07-23'), ins=0)
PC['m01d'] = company('haul', P['m01d_farmer'], d('2020-10-14'), name='营山县通顺物流运输有限公司', cap=200,
                     ctype='有限责任公司（自然人独资）', ins=5)
x = take_person()
PC['m02a'] = company('build', P['m02a_wife'], d('2016-08-19'), name='营山县恒泰建筑工程有限公司', cap=2000,
                     holders=[dict(h=P['m02a_wife'], amt=1200, reg=d('2016-08-19')), dict(h=x, amt=800, reg=d('2016-08-19'))],
                     ins=23)
x = take_person()
PC['m02b'] = company('haul', P['m02b_son'], d('2019-03-06'), name='营山县畅行物流运输有限公司', cap=500,
                     holders=[dict(h=P['m02b_son'], amt=200, reg=d('2019-03-06')), dict(h=x, amt=300, reg=d('2019-03-06'))],
                     ins=12)
x1, x2 = ext_person('510107'), ext_person('510107')
PC['m02c'] = company('food', x1, d('2018-11-30'), region='510107', name='成都蓉香阁餐饮管理有限公司', cap=300,
                     holders=[dict(h=x1, amt=210, reg=d('2018-11-30')), dict(h=x2, amt=90, reg=d('2018-11-30'))],
                     officers=[dict(p=x1, role='执行董事兼总经理', since=d('2018-11-30')),
                               dict(p=P['m02c_sil'], role='监事', since=d('2020-06-15'))], ins=14)
x = take_person()
PC['m02d'] = company('labour', P['m02d_ex'], d('2017-05-09'), name='营山县安居建筑劳务有限公司', cap=300,
                     holders=[dict(h=P['m02d_ex'], amt=210, reg=d('2017-05-09')), dict(h=x, amt=90, reg=d('2017-05-09'))],
                     ins=9)
x = take_person()
PC['m03a'] = company('water', P['m03a_bro'], d('2016-04-21'), name='营山县润川水利水电工程有限公司', cap=2000,
                     holders=[dict(h=P['m03a_bro'], amt=1200, reg=d('2016-04-21')), dict(h=x, amt=800, reg=d('2016-04-21'))],
                     ins=26)
PC['m03b'] = company('civil', P['m03b_father'], d('2012-03-14'), name='营山县安汉市政工程有限公司', cap=1000,
                     ctype='有限责任公司（自然人独资）', ins=15)
x = take_person()
PC['m03c'] = company('road', P['m03c_bro'], d('2014-09-02'), name='营山县通达路桥工程有限公司', cap=3000,
                     holders=[dict(h=P['m03c_bro'], amt=1800, reg=d('2014-09-02')), dict(h=x, amt=1200, reg=d('2014-09-02'))],
                     ins=31)
PC['m04b'] = company('civil', P['m04b_wife'], d('2020-11-17'), name='营山县鑫石土石方工程有限公司', cap=200,
                     ctype='有限责任公司（自然人独资）', ins=4)
PC['m10a'] = company('trade', P['m10a'], d('2021-05-18'), name='营山县兴旺达商贸有限公司', cap=50,
                     ctype='有限责任公司（自然人独资）', ins=1)
x = take_person()
PC['m10b'] = company('agri', x, d('2023-04-10'), name='营山县玉丰农业开发有限公司', cap=100,
                     holders=[dict(h=x, amt=50, reg=d('2023-04-10')), dict(h=P['m10b_son'], amt=50, reg=d('2023-04-10'))],
                     ins=2)
PC['m10n'] = company('trade', P['m10n'], d('2013-06-05'), name='营山县广福建材有限公司', cap=30,
                     ctype='有限责任公司（自然人独资）', status='注销', sdate=d('2020-08-12'), ins=0)

# ============================================================================
# 8. public-resource trading: projects, lots, bids
# ============================================================================
AGENTS = ['四川衡信工程项目管理有限公司', '南充市嘉陵招标代理有限公司', '四川正源建设工程咨询有限公司', '四川天府招标有限公司']
PUBLIC_TERMINALS = [('10.51.13.21', '00-1E-67-3A-5C-21'), ('10.51.13.22', '00-1E-67-3A-5C-22'),
                    ('10.51.13.23', '00-1E-67-3A-5C-23')]
BANK_PREFIX = [('51050166', '中国建设银行营山支行'), ('22530101040', '中国农业银行营山县支行'),
               ('23150601090', '中国工商银行营山支行'), ('88200100', '四川营山农村商业银行'),
               ('51001', '中国邮政储蓄银行营山县支行')]


def acct_no():
    pre, bank = R.choice(BANK_PREFIX)
    return pre + ''.join(R.choice('0123456789') for _ in range(20 - len(pre))), bank


def person_name():
    b = bd(R.randint(25, 55))
    sx = R.choice(['男', '女'])
    return R.choices(SURN_L, SURN_W)[0] + gen_given(sx, b)


def profile(c):
    if c['bid'] is None:
        a, bank = acct_no()
        pm = ext_person(R.choice(['511302', '511303', '511322', '510104', '511621', '511321']), R.randint(32, 55))
        c['bid'] = dict(ip=f"{R.choice(['171.217', '118.113', '125.65', '182.150', '223.85', '110.184'])}.{R.randint(1, 254)}.{R.randint(2, 254)}",
                        mac=mac(), mc=hexs(32), lock=f"SCCA{R.randint(10 ** 9, 10 ** 10 - 1)}",
                        contact=c['lr']['name'] if R.random() < 0.35 else person_name(), phone=mobile(),
                        pm=pm['name'], pmid=pm['id'], acct=a, acctname=c['name'], bank=bank)
    return dict(c['bid'])


def bg_prices(n, control):
    for _ in range(500):
        ps = sorted(round(control * R.uniform(0.86, 0.985), 2) for _ in range(n))
        if n > 1:
            mean = sum(ps) / n
            cv = (sum((x - mean) ** 2 for x in ps) / n) ** 0.5 / mean
            gaps = min((ps[i + 1] - ps[i]) / ps[i] for i in range(n - 1))
            if cv < 0.02 or gaps < 0.004:
                continue
        R.shuffle(ps)
        return ps
    raise RuntimeError('prices')


projects = []


def new_project(tenderer, pname, cat, method, evalm, open_d, agent=None, fund=None):
    pr = dict(tenderer=UBY[tenderer], name=pname, cat=cat, method=method, evalm=evalm, open=open_d,
              agent=agent or R.choice(AGENTS), notice=open_d - timedelta(days=R.randint(20, 28)),
              fund=fund or R.choice(['财政资金', '中央预算内资金', '地方政府专项债券资金', '财政资金', '自筹资金']), lots=[],
              code=None)
    projects.append(pr)
    return pr


DQ_REASONS = ['投标保证金未按招标文件要求足额缴纳', '未按招标文件要求提供类似项目业绩证明材料', '投标文件未按招标文件要求签字盖章',
              '项目负责人资格不符合招标文件要求', '投标报价超过最高投标限价']


def add_lot(pr, control, bidders, lotname=None, prices=None, ovr=None, disq=None, winner='auto', status=None):
    prices, ovr, disq = prices or {}, ovr or {}, disq or {}
    bp = bg_prices(len(bidders), control) if len(bidders) > 0 else []
    bids = []
    for c, pz in zip(bidders, bp):
        b = profile(c)
        b.update(c_=c, price=prices.get(c['name'], pz), reason=disq.get(c['name'], ''))
        b.update(ovr.get(c['name'], {}))
        t = datetime.combine(pr['open'], datetime.min.time()) - timedelta(minutes=R.randint(20, 60 * 70))
        b['time'] = t.replace(hour=t.hour if t.date() < pr['open'] else min(t.hour, 8), second=R.randint(0, 59))
        bids.append(b)
    valid = sorted([b for b in bids if not b['reason']], key=lambda b: b['price'])
    lowest_eval = pr['evalm'] in ('经评审的最低投标价法', '最低评标价法')
    if winner == 'auto':
        if status == '流标' or not valid:
            w = None
        elif lowest_eval or len(valid) == 1:
            w = valid[0]
        else:
            w = valid[min(len(valid) - 1, R.choice([0, 0, 1, 1, 2]))]
    elif winner is None:
        w = None
    else:
        w = [b for b in bids if b['c_'] is winner][0]
        if w is not valid[0]:
            # keep the forced winner plausible: every other valid bid (unless its price was given) sits above it
            for b in valid:
                if b is not w and b['c_']['name'] not in prices and b['price'] <= w['price']:
                    top = max(w['price'] * 1.01, control * 0.995)
                    b['price'] = round(w['price'] + (top - w['price']) * R.uniform(0.08, 0.97), 2)
            valid = sorted(valid, key=lambda b: b['price'])
        if lowest_eval and w is not valid[0]:
            raise RuntimeError('forced winner is not the lowest valid bid under lowest-price evaluation: ' + pr['name'])
    order = ([w] if w else []) + [b for b in valid if b is not w]
    for b in bids:
        b['win'] = '是' if b is w else '否'
        if b['reason']:
            b['result'] = '否决投标'
        elif w is None:
            b['result'] = '流标' if status == '流标' else '未中标'
        else:
            k = order.index(b)
            b['result'] = ['第一中标候选人', '第二中标候选人', '第三中标候选人'][k] if k < 3 else '未入围'
        if pr['method'] in ('竞争性磋商', '竞争性谈判', '询价', '单一来源') and b['result'] == '第一中标候选人':
            b['result'] = '成交供应商'
    R.shuffle(bids)
    lot = dict(pr=pr, name=lotname, control=control, bids=bids, winner=w, code=None,
               status=status or ('已成交' if w and pr['method'] in ('竞争性磋商', '竞争性谈判', '询价', '单一来源') else
                                 ('已中标' if w else '流标')),
               pub=pr['open'] + timedelta(days=R.randint(1, 4)))
    pr['lots'].append(lot)
    return lot


# ---- background projects ----------------------------------------------------
G_TEMPL = [
    ('营山县住房和城乡建设局', '营山县老旧小区改造项目（{p}片区）', ['东升', '南门', '文化路', '营兴路']),
    ('营山县住房和城乡建设局', '营山县{t}场镇污水收集管网完善工程', None),
    ('营山县交通运输局', '营山县{t}至{t2}农村公路改建工程', None),
    ('营山县交通运输局', '营山县{v}便民桥新建工程', None),
    ('营山县水务局', '营山县{v}山坪塘整治工程', None),
    ('营山县水务局', '营山县{t}场镇供水管网改造工程', None),
    ('营山县教育局', '营山县{s}校舍维修改造工程', ['朗池镇中心小学', '第二中学', '骆市镇小学', '回龙镇初级中学']),
    ('营山县{t}人民政府', '{t}{v}村组道路硬化工程', None),
    ('营山县{t}人民政府', '{t}场镇人居环境整治工程', None),
    ('营山县农业农村局', '营山县{y}年高标准农田建设项目（{t}片区）', None),
    ('营山县人民医院', '营山县人民医院{p}改造工程', ['门诊楼', '医技楼', '发热门诊']),
]
H_TEMPL = [
    ('营山县教育局', '营山县中小学{p}采购项目', ['课桌椅', '教学一体机', '学生公寓床', '图书']),
    ('营山县人民医院', '营山县人民医院{p}采购项目', ['彩色多普勒超声诊断仪', '全自动生化分析仪', '医用耗材', '病床']),
    ('营山县卫生健康局', '营山县{p}采购项目', ['乡镇卫生院DR设备', '家庭医生签约随访设备']),
    ('营山县人民政府办公室', '营山县人民政府办公室{p}采购项目', ['办公设备', '会议系统']),
]
F_TEMPL = [
    ('营山县住房和城乡建设局', '营山县{p}服务采购项目', ['城区道路清扫保洁', '城区绿化管护', '公厕管护']),
    ('营山县人民政府办公室', '营山县行政中心{p}服务采购项目', ['物业管理', '安保']),
    ('营山县交通运输局', '营山县{p}服务采购项目', ['农村公路日常养护', '公路桥梁定期检测']),
]
TOWN_NAMES = [t[1] for t in TOWNS]


def fill(tpl, extra):
    t, t2 = R.sample(TOWN_NAMES, 2)
    v = R.choice(RURAL)['name']
    return tpl.format(t=t, t2=t2, v=v, p=R.choice(extra) if extra else '', s=R.choice(extra) if extra else '',
                      y=R.choice([2022, 2023, 2024]))


def s_pool(pname):
    if any(k in pname for k in ('医', '超声', '生化', '病床', 'DR', '随访')):
        kinds = ('medic',)
    elif any(k in pname for k in ('保洁', '绿化', '物业', '安保', '公厕')):
        kinds = ('prop',)
    elif any(k in pname for k in ('一体机', '会议系统', '智慧', '监控', '平台')):
        kinds = ('it', 'trade')
    else:
        kinds = ('trade', 'it')
    return [c for c in BID_S if c['kind'] in kinds]


_used_pnames = set()
for i in range(40):
    cat = R.choices(['G', 'H', 'F'], [6, 2, 1])[0]
    tpls = {'G': G_TEMPL, 'H': H_TEMPL, 'F': F_TEMPL}[cat]
    tu, tn, extra = R.choice(tpls)
    od = rdate(d('2022-07-05'), d('2024-05-31'))
    t = R.choice(TOWN_NAMES)
    tenderer = tu.format(t=t)
    pname = fill(tn, extra).replace('{t}', t)
    if '人民政府' in tenderer and tenderer != '营山县人民政府办公室':
        pname = pname.replace(pname[:3], t) if pname[:3] in TOWN_NAMES else pname
        pname = t + pname[3:] if pname[:3] in TOWN_NAMES else pname
    if pname in _used_pnames:
        continue
    _used_pnames.add(pname)
    if cat == 'G':
        method = '公开招标'
        evalm = R.choice(['经评审的最低投标价法', '综合评估法'])
        pool = BID_C
        control = round(R.uniform(0.6e6, 8.5e6), 2)
    else:
        method = R.choices(['公开招标', '竞争性磋商', '询价'], [5, 3, 1])[0]
        evalm = '最低评标价法' if method == '询价' else '综合评分法'
        pool = s_pool(pname)
        control = round(R.uniform(0.25e6, 3.2e6), 2)
        if '养护' in pname or '检测' in pname:
            pool = BID_C
    pr = new_project(tenderer, pname, cat, method, evalm, od)
    nlots = 1
    if '高标准农田' in pname or (cat == 'G' and R.random() < 0.12):
        nlots = R.choice([2, 3])
    for k in range(nlots):
        n = R.randint(3, 7) if method == '公开招标' else 3
        if method == '公开招标' and i in (7, 23) and nlots == 1:
            n = 2
        bidders = R.sample(pool, min(n, len(pool)))
        dq = {}
        if n >= 4 and R.random() < 0.3:
            dq = {'__pending__': R.choice(DQ_REASONS)}
        lot = add_lot(pr, control / nlots, bidders, lotname=f"第{k + 1}标段" if nlots > 1 else None,
                      status='流标' if n == 2 else None)
        if dq and lot['winner'] is not None:
            # disqualify one bid that is neither the lowest nor the winner (kept out of M45's pattern)
            srt = sorted(lot['bids'], key=lambda b: b['price'])
            cand = [b for b in srt[1:] if b is not lot['winner']]
            if cand:
                b = R.choice(cand)
                b['reason'] = dq['__pending__']
                b['result'] = '否决投标'
                # re-rank remaining candidates
                rest = [x for x in sorted(lot['bids'], key=lambda x: x['price']) if not x['reason'] and x is not lot['winner']]
                for j, x in enumerate(rest):
                    x['result'] = ['第二中标候选人', '第三中标候选人'][j] if j < 2 else '未入围'
                    if pr['method'] != '公开招标' and x['result'] == '成交供应商':
                        pass

# ---- planted lots -----------------------------------------------------------
LOT = {}


def fillers(pool, n, exclude=()):
    ex = set(id(c) for c in exclude)
    cand = [c for c in pool if id(c) not in ex and c not in (BID_C[3], BID_C[7])]
    return R.sample(cand, n)


def lowest_of(bidders, control, ratio=0.9):
    return round(control * ratio, 2)


# M03a  水务局 lot won by the brother's firm (lowest valid bid)
pr = new_project('营山县水务局', '营山县清水河灌区续建配套与节水改造工程（2023年度）', 'G', '公开招标', '经评审的最低投标价法',
                 d('2023-08-22'))
fl = fillers(BID_C, 4)
LOT['m03a'] = add_lot(pr, 3862400.00, [PC['m03a']] + fl, prices={PC['m03a']['name']: 3318756.40}, winner=PC['m03a'])
# M03 near-miss c: 交通局 lot won in 2023-08 by the brother of a man who left 交通局 in 2022-03
pr = new_project('营山县交通运输局', '营山县回龙镇至双河镇农村公路改建工程', 'G', '公开招标', '经评审的最低投标价法', d('2023-08-08'))
LOT['m03c'] = add_lot(pr, 5126300.00, [PC['m03c']] + fillers(BID_C, 4), prices={PC['m03c']['name']: 4402215.80},
                      winner=PC['m03c'])

# M25a  shared upload MAC + bid-file machine code
pr = new_project('营山县住房和城乡建设局', '营山县城区排水管网改造工程（二期）', 'G', '公开招标', '经评审的最低投标价法', d('2023-05-16'))
fl = fillers(BID_C, 5)
a1, a2 = fl[0], fl[1]
pa1 = profile(a1)
LOT['m25a'] = add_lot(pr, 4218600.00, fl, ovr={a2['name']: dict(mac=pa1['mac'], mc=pa1['mc'])})
LOT['m25a']['pair'] = [a1, a2]
# M25b  three bidders share bid-file machine code + encryption lock
pr = new_project('营山县教育局', '营山县第二中学运动场改造工程', 'G', '公开招标', '综合评估法', d('2023-10-24'))
fl = fillers(BID_C, 4)
pb = profile(fl[0])
LOT['m25b'] = add_lot(pr, 1856300.00, fl, ovr={fl[1]['name']: dict(mc=pb['mc'], lock=pb['lock']),
                                               fl[2]['name']: dict(mc=pb['mc'], lock=pb['lock'])})
LOT['m25b']['pair'] = fl[:3]
# M25 near-miss: two bidders uploaded from the same public terminal in the trading centre
pr = new_project('营山县农业农村局', '营山县2023年农村人居环境整治提升项目', 'G', '公开招标', '经评审的最低投标价法', d('2023-04-11'))
fl = fillers(BID_C, 4)
ip_, mac_ = PUBLIC_TERMINALS[0]
LOT['m25n'] = add_lot(pr, 1327500.00, fl, ovr={fl[0]['name']: dict(ip=ip_, mac=mac_), fl[1]['name']: dict(ip=ip_, mac=mac_)})
LOT['m25n']['pair'] = fl[:2]

# M26a  second bidder's deposit paid from the first bidder's basic account
pr = new_project('营山县交通运输局', '营山县农村公路安全生命防护工程（2023年）', 'G', '公开招标', '经评审的最低投标价法', d('2023-07-11'))
fl = fillers(BID_C, 5)
pc1 = profile(fl[0])
LOT['m26a'] = add_lot(pr, 2637800.00, fl, ovr={fl[1]['name']: dict(acct=pc1['acct'], acctname=pc1['acctname'], bank=pc1['bank'])})
LOT['m26a']['pair'] = fl[:2]
# M26b  two bidders' deposits from the same personal account
pr = new_project('营山县水务局', '营山县农村饮水安全巩固提升工程（2024年）', 'G', '公开招标', '综合评估法', d('2024-03-19'))
fl = fillers(BID_C, 4)
pacct = '6228480469' + f"{R.randint(0, 10 ** 9 - 1):09d}"
pname_ = person_name()
LOT['m26b'] = add_lot(pr, 2214900.00, fl, ovr={fl[1]['name']: dict(acct=pacct, acctname=pname_, bank='中国农业银行营山县支行'),
                                               fl[2]['name']: dict(acct=pacct, acctname=pname_, bank='中国农业银行营山县支行')})
LOT['m26b']['pair'] = fl[1:3]
LOT['m26b']['acct'] = pacct
# M26 near-miss: same payer account (a guarantee company) but on different lots of one project
pr = new_project('营山县农业农村局', '营山县2023年高标准农田建设项目（骆市片区）', 'G', '公开招标', '经评审的最低投标价法',
                 d('2023-04-18'))
fl = fillers(BID_C, 8)
gacct = '51050166540800' + f"{R.randint(0, 999999):06d}"
g_ = dict(acct=gacct, acctname='四川融信融资担保有限公司', bank='中国建设银行营山支行')
l1 = add_lot(pr, 1983000.00, fl[:4], lotname='第1标段', ovr={fl[0]['name']: g_})
l2 = add_lot(pr, 1754000.00, fl[4:], lotname='第2标段', ovr={fl[4]['name']: g_})
LOT['m26n'] = (l1, l2, fl[0], fl[4], gacct)

# M27a / M27b  shared contact phone
pr = new_project('营山县住房和城乡建设局', '营山县老旧小区改造项目（西街片区）', 'G', '公开招标', '综合评估法', d('2023-06-27'))
fl = fillers(BID_C, 5)
pp1 = profile(fl[0])
LOT['m27a'] = add_lot(pr, 3326500.00, fl, ovr={fl[1]['name']: dict(phone=pp1['phone'])})
LOT['m27a']['pair'] = fl[:2]
pr = new_project('营山县骆市镇人民政府', '骆市镇场镇街道改造工程', 'G', '公开招标', '经评审的最低投标价法', d('2024-01-16'))
fl = fillers(BID_C, 4)
pp3 = profile(fl[2])
LOT['m27b'] = add_lot(pr, 1468200.00, fl, ovr={fl[3]['name']: dict(phone=pp3['phone'], contact=person_name())})
LOT['m27b']['pair'] = fl[2:4]
# M27 near-miss: two bidders whose *registered* phone is the accounting agency's hub number
pr = new_project('营山县交通运输局', '营山县双河镇至骆市镇农村公路改建工程', 'G', '公开招标', '经评审的最低投标价法', d('2023-03-21'))
fl = [BID_C[3], BID_C[7]] + fillers(BID_C, 3)
LOT['m27n'] = add_lot(pr, 3982700.00, fl)
LOT['m27n']['pair'] = fl[:2]

# M28a  two bidders with the same legal representative
lrF = take_person(35, 55)
F1 = company('build', lrF, d('2012-07-19'), name='营山县瑞通建筑工程有限公司', cap=2000, ins=28)
F2 = company('civil', lrF, d('2017-03-02'), name='营山县德信市政工程有限公司', cap=1000, ins=17,
             officers=[dict(p=lrF, role='执行董事', since=d('2017-03-02')), dict(p=take_person(), role='经理', since=d('2017-03-02')),
                       dict(p=take_person(), role='监事', since=d('2017-03-02'))])
pr = new_project('营山县住房和城乡建设局', '营山县朗池镇场镇污水处理设施提升工程', 'G', '公开招标', '经评审的最低投标价法', d('2023-09-12'))
LOT['m28a'] = add_lot(pr, 2746100.00, [F1, F2] + fillers(BID_C, 3))
LOT['m28a']['pair'] = [F1, F2]
# M28b  parent (60%) and subsidiary on the same lot
lrG = ext_person('511302', 49, '男')
G1 = company('road', lrG, d('2009-05-26'), region='511302', name='南充市华鼎路桥工程有限公司', cap=5000, ins=54)
lrG2 = ext_person('511302', 41, '男')
G2 = company('civil', lrG2, d('2018-10-11'), region='511302', name='南充市鼎恒市政工程有限公司', cap=1000, ins=19,
             holders=[dict(h=G1, amt=600, reg=d('2018-10-11')), dict(h=lrG2, amt=400, reg=d('2018-10-11'))])
pr = new_project('营山县交通运输局', '营山县双河镇白鹤桥新建工程', 'G', '公开招标', '综合评估法', d('2024-04-09'))
LOT['m28b'] = add_lot(pr, 3125400.00, [G1, G2] + fillers(BID_C, 2))
LOT['m28b']['pair'] = [G1, G2]
# M28 near-miss: two wholly-owned subsidiaries of one parent bid *different* lots of the same project
lrH = ext_person('510107', 52, '男')
H0 = company('build', lrH, d('2008-03-18'), region='510107', name='四川蜀达建设集团有限公司', cap=10000, ins=210,
             ctype='有限责任公司（自然人投资或控股）')
H1 = company('water', ext_person('510107', 44), d('2015-06-23'), region='510107', name='成都蜀达水利工程有限公司', cap=3000, ins=36,
             ctype='有限责任公司（非自然人投资或控股的法人独资）', holders=[dict(h=H0, amt=3000, reg=d('2015-06-23'))])
H2 = company('civil', ext_person('510107', 46), d('2016-09-07'), region='510107', name='成都蜀达市政工程有限公司', cap=3000, ins=41,
             ctype='有限责任公司（非自然人投资或控股的法人独资）', holders=[dict(h=H0, amt=3000, reg=d('2016-09-07'))])
pr = new_project('营山县水务局', '营山县山坪塘整治工程（2023年）', 'G', '公开招标', '经评审的最低投标价法', d('2023-11-07'))
fl = fillers(BID_C, 6)
l1 = add_lot(pr, 1284000.00, [H1] + fl[:3], lotname='第1标段')
l2 = add_lot(pr, 1167000.00, [H2] + fl[3:], lotname='第2标段')
LOT['m28n'] = (l1, l2, H1, H2)

# M29a / M29b  identical bid prices
pr = new_project('营山县人民医院', '营山县人民医院住院楼装修改造工程', 'G', '公开招标', '综合评估法', d('2023-03-14'))
fl = fillers(BID_C, 5)
LOT['m29a'] = add_lot(pr, 1380000.00, fl, prices={fl[0]['name']: 1286540.00, fl[1]['name']: 1286540.00})
LOT['m29a']['pair'] = fl[:2]
pr = new_project('营山县城南镇人民政府', '城南镇太平村村组道路硬化工程', 'G', '公开招标', '综合评估法', d('2024-02-27'))
fl = fillers(BID_C, 5)
LOT['m29b'] = add_lot(pr, 3600000.00, fl, prices={fl[2]['name']: 3415200.00, fl[4]['name']: 3415200.00})
LOT['m29b']['pair'] = [fl[2], fl[4]]

# M32a / M32b  shell winners set up months before winning; near-miss: young firm, small award
S1 = company('civil', take_person(30, 50), d('2023-02-10'), name='营山县金瑞市政工程有限公司', cap=1000, ins=0,
             ctype='有限责任公司（自然人独资）')
S2 = company('water', take_person(30, 50), d('2022-11-08'), name='营山县宏远水利工程有限公司', cap=800, ins=1,
             ctype='有限责任公司（自然人独资）')
S3 = company('trade', take_person(30, 50), d('2023-05-09'), name='营山县川禾商贸有限公司', cap=100, ins=12)
pr = new_project('营山县住房和城乡建设局', '营山县城区人行道提升改造工程', 'G', '公开招标', '经评审的最低投标价法', d('2023-06-20'))
LOT['m32a'] = add_lot(pr, 2980000.00, [S1] + fillers(BID_C, 3), prices={S1['name']: 2864521.30}, winner=S1)
LOT['m32a']['co'] = S1
pr = new_project('营山县水务局', '营山县大河村河道综合治理工程', 'G', '公开招标', '经评审的最低投标价法', d('2023-08-15'))
LOT['m32b'] = add_lot(pr, 1620000.00, [S2] + fillers(BID_C, 3), prices={S2['name']: 1521380.00}, winner=S2)
LOT['m32b']['co'] = S2
pr = new_project('营山县教育局', '营山县中小学食堂设备采购项目', 'H', '竞争性磋商', '综合评分法', d('2023-11-21'))
LOT['m32n'] = add_lot(pr, 420000.00, [S3] + fillers(s_pool('食堂设备'), 2), prices={S3['name']: 381600.00}, winner=S3)
LOT['m32n']['co'] = S3

# M43a / M43b  open tender awarded on a single bid; near-misses: 单一来源, and a single bid declared 流标
pr = new_project('营山县卫生健康局', '营山县基层医疗卫生机构设备采购项目（2023年）', 'H', '公开招标', '综合评分法', d('2023-07-25'))
LOT['m43a'] = add_lot(pr, 1400000.00, fillers(s_pool('医疗'), 1))
pr = new_project('营山县交通运输局', '营山县观音村便民桥维修加固工程', 'G', '公开招标', '综合评估法', d('2024-03-05'))
LOT['m43b'] = add_lot(pr, 1180000.00, fillers(BID_C, 1))
pr = new_project('营山县教育局', '营山县智慧教育云平台运维服务项目', 'F', '单一来源', '—', d('2023-09-05'))
LOT['m43n1'] = add_lot(pr, 560000.00, fillers(s_pool('智慧'), 1))
pr = new_project('营山县住房和城乡建设局', '营山县城区道路清扫保洁服务采购项目（2024年）', 'F', '公开招标', '综合评分法', d('2023-12-12'))
LOT['m43n2'] = add_lot(pr, 2360000.00, fillers(s_pool('保洁'), 1), winner=None, status='流标')

# M45a / M45b  lowest bid disqualified, a dearer bid wins; near-miss: lowest valid bid loses on score
pr = new_project('营山县回龙镇人民政府', '回龙镇龙泉村产业路建设工程', 'G', '公开招标', '经评审的最低投标价法', d('2023-05-30'))
fl = fillers(BID_C, 4)
LOT['m45a'] = add_lot(pr, 1685000.00, fl, prices={fl[0]['name']: 1432250.00, fl[1]['name']: 1561800.00,
                                                  fl[2]['name']: 1598420.50, fl[3]['name']: 1622730.00},
                      disq={fl[0]['name']: '投标文件未按招标文件要求加盖单位公章'})
LOT['m45a']['low'] = fl[0]
pr = new_project('营山县住房和城乡建设局', '营山县城市公园绿化提升工程', 'G', '公开招标', '综合评估法', d('2024-04-23'))
fl = fillers(BID_C, 5)
LOT['m45b'] = add_lot(pr, 2450000.00, fl, prices={fl[0]['name']: 2081560.00, fl[1]['name']: 2196300.00,
                                                  fl[2]['name']: 2248900.00, fl[3]['name']: 2302450.00,
                                                  fl[4]['name']: 2367100.00},
                      disq={fl[0]['name']: '项目负责人资格不符合招标文件要求'}, winner=fl[2])
LOT['m45b']['low'] = fl[0]
pr = new_project('营山县交通运输局', '营山县农村公路日常养护服务采购项目（2023-2024年度）', 'F', '公开招标', '综合评分法',
                 d('2023-10-17'))
fl = fillers(BID_C, 4)
LOT['m45n'] = add_lot(pr, 1260000.00, fl, prices={fl[0]['name']: 1098000.00, fl[1]['name']: 1136500.00,
                                                  fl[2]['name']: 1171200.00, fl[3]['name']: 1203800.00}, winner=fl[1])
LOT['m45n']['low'] = fl[0]

# ---- project / lot codes (chronological, like the trading centre assigns them) ----
_cnt = {}
for pr in sorted(projects, key=lambda x: (x['open'], x['name'])):
    k = (pr['notice'].year, pr['cat'])
    _cnt[k] = _cnt.get(k, 0) + 1
    pr['code'] = f"YSGGZY-{pr['notice'].year}-{pr['cat']}{_cnt[k]:03d}"
    for i, lot in enumerate(pr['lots']):
        lot['code'] = f"{pr['code']}-{i + 1:02d}"

# ============================================================================
# 9. direct / small procurement, village works and village payments
# ============================================================================
direct = []      # dict(unit, pname, method, c, amt, when, fund)
_local_live = [c for c in BID_C + BID_S + OTHER if c['region'] == COUNTY and c['status'] == LIVE]
_dp_items = [('办公楼屋面防水维修', 'G'), ('会议室音视频设备采购', 'H'), ('办公电脑及打印机采购', 'H'), ('档案室改造', 'G'),
             ('场镇路灯维修', 'G'), ('防汛物资采购', 'H'), ('食堂设备维修', 'G'), ('监控系统升级改造', 'H'),
             ('村级活动阵地维修', 'G'), ('办公家具采购', 'H'), ('应急排危处险', 'G'), ('宣传栏制作安装', 'H')]
for _ in range(42):
    u = R.choice([x for x in UNITS if x['n'] > 0])
    item, cat = R.choice(_dp_items)
    pool = [c for c in _local_live if c['kind'] in (('build', 'civil', 'water', 'road', 'labour') if cat == 'G' else ('trade', 'it', 'medic'))]
    c = R.choice(pool)
    when = rdate(d('2022-07-01'), d('2024-06-20'))
    if c['est'] > when:
        continue
    amt = round(R.uniform(8000, 380000), 2) if cat == 'G' else round(R.uniform(5000, 260000), 2)
    direct.append(dict(unit=u, pname=f"{u['name'].replace('营山县', '')}{item}", method=R.choice(['直接发包', '直接采购', '网上商城直购'])
                       if cat == 'H' else '直接发包', c=c, amt=amt, when=when, fund='财政资金'))
# M03b: 城南镇 gives two direct awards to the firm of the town head's father
direct.append(dict(unit=UBY['营山县城南镇人民政府'], pname='城南镇场镇污水管网应急维修工程', method='直接发包', c=PC['m03b'],
                   amt=386500.00, when=d('2023-11-06'), fund='财政资金'))
direct.append(dict(unit=UBY['营山县城南镇人民政府'], pname='城南镇场镇排水沟渠清淤整治', method='直接发包', c=PC['m03b'],
                   amt=92000.00, when=d('2024-03-15'), fund='财政资金'))
direct.sort(key=lambda x: x['when'])

vworks = []      # dict(v, name, typ, who (company or person), amt, signed, start, done)
vpay = []        # dict(v, when, summary, who, amt)
POWER = dict(name='国网四川省电力公司营山县供电分公司', uscc=make_uscc('91', COUNTY, new=False))
_local_build = [c for c in BID_C + OTHER if c['region'] == COUNTY and c['status'] == LIVE
                and c['kind'] in ('build', 'civil', 'water', 'road', 'labour')]


def village_payees(v):
    return [p for p in people if p['hh'] and p['hh']['v'] is v and p['death'] is None and 20 <= age_at(p, SNAP) <= 66
            and not (p['hh']['flags'] & {'cadre', 'planted', 'official', 'collective'})]


_wtypes = [('村组道路硬化', '道路'), ('山坪塘整治', '水利'), ('提灌站维修', '水利'), ('人居环境整治', '环境整治'),
           ('村级活动阵地维修', '房屋维修'), ('产业路建设', '道路'), ('渠系清淤', '水利')]
for v in RURAL:
    vps = village_payees(v)
    for k in range(2):
        wn, wt = R.choice(_wtypes)
        when = rdate(d('2022-02-01'), d('2024-04-30'))
        if R.random() < 0.5:
            c = R.choice([c for c in _local_build if c['est'] < when])
            amt = round(R.uniform(60000, 480000), -2)
            who = c
        else:
            who = R.choice(vps)
            amt = round(R.uniform(8000, 95000), -2)
        w = dict(v=v, name=f"{v['name']}{R.randint(1, 9)}组{wn}", typ=wt, who=who, amt=amt, signed=when,
                 start=when + timedelta(days=R.randint(3, 20)), done=when + timedelta(days=R.randint(30, 120)))
        vworks.append(w)
        # paid in two instalments: progress 70%, balance after acceptance
        vpay.append(dict(v=v, when=w['start'] + timedelta(days=R.randint(10, 40)), summary=f"支付{w['name']}工程进度款",
                         who=who, amt=round(amt * 0.7, 2)))
        if w['done'] + timedelta(days=40) <= SNAP:
            vpay.append(dict(v=v, when=w['done'] + timedelta(days=R.randint(5, 40)), summary=f"支付{w['name']}工程尾款",
                             who=who, amt=round(amt * 0.3, 2)))
    for _ in range(R.randint(10, 16)):
        when = rdate(d('2022-01-05'), d('2024-06-25'))
        r = R.random()
        if r < 0.55:
            vpay.append(dict(v=v, when=when, who=R.choice(vps), amt=round(R.uniform(200, 4800), -1),
                             summary=R.choice(['支付村道除草劳务费', '支付堰塘清淤劳务费', '支付村部保洁劳务费', '支付防汛值守误工费',
                                               '支付森林防火巡查劳务费', '支付村民小组长误工补贴'])))
        elif r < 0.8:
            vpay.append(dict(v=v, when=when, who=POWER, amt=round(R.uniform(180, 2600), 2), summary='支付村部及提灌站电费'))
        else:
            c = R.choice([c for c in companies if c['ctype'] == '个体工商户' and c['est'] < when] or [R.choice(_local_build)])
            vpay.append(dict(v=v, when=when, who=c, amt=round(R.uniform(300, 9000), 2),
                             summary=R.choice(['购买村部办公用品', '购买防汛物资', '购买水泥砂石材料'])))
# M04a: 14 payments to the son of 青龙村's 村委会主任 for excavator hire
_dts = sorted(rdate(d('2022-04-01'), d('2023-11-30')) for _ in range(14))
for i, when in enumerate(_dts):
    vpay.append(dict(v=VBY['青龙村'], when=when, who=P['m04a_son'], amt=float(R.choice([2800, 3600, 4200, 4800, 5600, 6400, 7200, 8800])),
                     summary=f"支付{R.randint(1, 8)}组{R.choice(['堰塘清淤', '机耕道平整', '塌方清理', '产业路开挖', '排洪沟疏通'])}挖掘机台班费"))
# M04b: 白鹤村 road contract to the firm of the 书记's wife
w = dict(v=VBY['白鹤村'], name='白鹤村3组至5组村组道路硬化工程', typ='道路', who=PC['m04b'], amt=468000.00, signed=d('2023-05-08'),
         start=d('2023-05-20'), done=d('2023-08-26'))
vworks.append(w)
vpay.append(dict(v=VBY['白鹤村'], when=d('2023-06-28'), summary='支付白鹤村3组至5组村组道路硬化工程进度款', who=PC['m04b'], amt=327600.00))
vpay.append(dict(v=VBY['白鹤村'], when=d('2023-10-12'), summary='支付白鹤村3组至5组村组道路硬化工程尾款', who=PC['m04b'], amt=140400.00))
# M04 near-miss: same surname as 大河村's head, different household, no marriage link
for when in sorted(rdate(d('2022-06-01'), d('2024-03-31')) for _ in range(9)):
    vpay.append(dict(v=VBY['大河村'], when=when, who=P['m04n_other'], amt=float(R.choice([600, 900, 1200, 1500, 1800])),
                     summary=R.choice(['支付山坪塘整治劳务费', '支付村道除草劳务费', '支付渠系清淤劳务费'])))
vworks.sort(key=lambda w: (w['v']['code'], w['signed']))
vpay.sort(key=lambda x: (x['v']['code'], x['when']))

# ============================================================================
# 10. police (治安处罚), traffic police (酒驾), discipline (处分)
# ============================================================================
police = []      # dict(caseno, p, job, work, act, when, place, penalty, decided, pcs)
traffic = []     # dict(p, plate, when, place, act, bac, result, party, job, work, decided)
sanctions = []   # dict(p, unitpost, cat, kind, decided, org, reason, months)
_offpool = [p for p in people if p['hh'] and p['death'] is None and 18 <= age_at(p, SNAP) <= 68
            and not (p['hh']['flags'] & {'planted', 'official', 'cadre', 'collective'}) and 'official' not in p['flags']]
R.shuffle(_offpool)
_caseseq = {}


def case_no(pcs_code, when):
    k = (pcs_code, when.year)
    _caseseq[k] = _caseseq.get(k, 0) + 1
    return f"A{COUNTY}{pcs_code}{when:%Y%m}{_caseseq[k]:04d}"


PCS_CODE = {t[2]: f"5{i + 1:02d}0000" for i, t in enumerate(TOWNS)}
PCS_SHORT = {t[2]: t[2][-5:-3] for t in TOWNS}
GAMBLE_PLACES = ['{t}{v}{n}组村民家中', '{t}场镇“{w}茶楼”包间', '{t}场镇“{w}棋牌室”']


def place_of(v):
    return R.choice(GAMBLE_PLACES).format(t=v['town'], v=v['name'], n=R.randint(1, 9), w=R.choice(['悠然', '聚友', '老地方', '清心', '和气']))


def gamble_case(members, v, when, extra_jobs=None):
    pcs = v['pcs']
    cno = case_no(PCS_CODE[pcs], when)
    place = place_of(v)
    for p in members:
        job, work = (extra_jobs or {}).get(p['id'], (R.choice(['农民', '农民', '无业', '个体经营', '务工']), ''))
        amt = R.choice([300, 500, 500, 800, 1000])
        pen = f"罚款{amt}元" if R.random() < 0.6 else f"行政拘留{R.choice(['三', '五', '七'])}日，并处罚款{amt}元"
        police.append(dict(caseno=cno, p=p, job=job, work=work, act='赌博', when=when, place=place, penalty=pen,
                           decided=when + timedelta(days=R.randint(0, 2)), pcs=pcs))
    return cno


for _ in range(8):
    v = R.choice(VILLAGES)
    gamble_case([_offpool.pop() for _ in range(R.randint(3, 5))], v,
                datetime.combine(rdate(d('2019-06-01'), d('2024-06-10')), datetime.min.time()).replace(hour=R.randint(13, 23), minute=R.choice([0, 10, 20, 30, 40, 50])))
for act, n, pen in (('殴打他人', 10, ['罚款500元', '行政拘留五日，并处罚款二百元', '行政拘留十日，并处罚款五百元']),
                    ('盗窃', 6, ['行政拘留十日', '行政拘留五日']), ('吸食毒品', 4, ['行政拘留十五日']),
                    ('寻衅滋事', 3, ['行政拘留十日，并处罚款五百元'])):
    for _ in range(n):
        p = _offpool.pop()
        v = p['hh']['v']
        when = datetime.combine(rdate(d('2019-06-01'), d('2024-06-10')), datetime.min.time()).replace(hour=R.randint(0, 23), minute=R.randint(0, 59))
        police.append(dict(caseno=case_no(PCS_CODE[v['pcs']], when), p=p, job=R.choice(['农民', '无业', '务工', '个体经营']), work='',
                           act=act, when=when, place=f"{v['town']}{R.choice(['场镇', v['name'], '农贸市场附近', '某KTV'])}",
                           penalty=R.choice(pen), decided=when + timedelta(days=R.randint(0, 6)), pcs=v['pcs']))
# planted police cases
P['m17a_case'] = gamble_case([P['m17a']['p']] + [_offpool.pop() for _ in range(3)], VBY['高峰村'],
                             datetime(2023, 3, 11, 21, 40), extra_jobs={P['m17a']['p']['id']: ('其他', '')})
when = datetime(2022, 7, 16, 22, 15)
P['m17b_case'] = case_no(PCS_CODE[VBY['东升社区']['pcs']], when)
police.append(dict(caseno=P['m17b_case'], p=P['m17b']['p'], job='医生', work='营山县人民医院', act='殴打他人', when=when,
                   place='朗池镇安汉路“老码头”火锅店门前', penalty='行政拘留五日，并处罚款二百元', decided=d('2022-07-17'),
                   pcs=VBY['东升社区']['pcs']))
P['m17c_case'] = gamble_case([P['m17c']['p']] + [_offpool.pop() for _ in range(2)], VBY['青杠村'],
                             datetime(2023, 1, 14, 15, 30), extra_jobs={P['m17c']['p']['id']: ('公务员', '营山县农业农村局')})
P['m17d_case'] = gamble_case([P['m17d']['p']] + [_offpool.pop() for _ in range(3)], VBY['城南社区'],
                             datetime(2019, 8, 17, 20, 50), extra_jobs={P['m17d']['p']['id']: ('学生', '')})
police.sort(key=lambda x: x['when'])

PLATE_CH = 'ABCDEFGHJKLMNPQRSTUVWXYZ'


def plate():
    return '川R' + R.choice(PLATE_CH) + ''.join(R.choice('0123456789' + PLATE_CH[:6]) for _ in range(4))


def dd_result(bac, first=True):
    if bac >= 80:
        return '吊销机动车驾驶证，五年内不得重新取得；涉嫌危险驾驶罪，已刑事立案'
    return f"罚款{R.choice([1000, 1500, 2000])}元，暂扣机动车驾驶证六个月"


for _ in range(38):
    p = _offpool.pop()
    when = datetime.combine(rdate(d('2021-01-01'), d('2024-06-20')), datetime.min.time()).replace(hour=R.choice([12, 13, 19, 20, 21, 22, 23]), minute=R.randint(0, 59))
    bac = R.choice([R.randint(20, 79)] * 4 + [R.randint(80, 210)])
    traffic.append(dict(p=p, plate=plate(), when=when, place=R.choice(['朗池镇安汉路与绥安路交叉口', '国道318线营山城南段', '城南大道',
                                                                        '骆市镇场镇入口', '回龙镇场镇', 'S204线双河段']),
                        act='醉酒后驾驶机动车' if bac >= 80 else '饮酒后驾驶机动车', bac=bac, result=dd_result(bac),
                        party=R.choice(['群众'] * 8 + ['中共党员']) if False else '群众', job=R.choice(['农民', '个体经营', '务工', '驾驶员', '无业']),
                        work='', decided=(when + timedelta(days=R.randint(0, 3))).date()))
traffic.append(dict(p=P['m18a']['p'], plate=plate(), when=datetime(2023, 9, 16, 23, 5), place='朗池镇朗池大道与西街交叉口',
                    act='醉酒后驾驶机动车', bac=126, result=dd_result(126), party='中共党员', job='公务员', work='县财政局',
                    decided=d('2023-09-17')))
traffic.append(dict(p=P['m18b']['p'], plate=plate(), when=datetime(2022, 12, 3, 21, 40), place='回龙镇场镇',
                    act='饮酒后驾驶机动车', bac=46, result='罚款1500元，暂扣机动车驾驶证六个月', party='中共党员', job='公务员',
                    work='回龙镇政府', decided=d('2022-12-04')))
traffic.append(dict(p=P['m18c']['p'], plate=plate(), when=datetime(2022, 5, 21, 20, 30), place='城南大道',
                    act='饮酒后驾驶机动车', bac=38, result='罚款1000元，暂扣机动车驾驶证六个月', party='中共党员', job='公务员',
                    work='县住建局', decided=d('2022-05-22')))
traffic.append(dict(p=P['m18d_farmer'], plate=plate(), when=datetime(2023, 5, 6, 19, 50), place='回龙镇场镇',
                    act='饮酒后驾驶机动车', bac=52, result='罚款1000元，暂扣机动车驾驶证六个月', party='群众', job='农民',
                    work='', decided=d('2023-05-07')))
traffic.sort(key=lambda x: x['when'])

SANCTION_MONTHS = {('党纪处分', '警告'): 12, ('党纪处分', '严重警告'): 18, ('党纪处分', '撤销党内职务'): 24,
                   ('政务处分', '警告'): 6, ('政务处分', '记过'): 12, ('政务处分', '记大过'): 18, ('政务处分', '降级'): 24}


def cur_post(o, when):
    for pp in o['posts']:
        if pp['start'] <= when and (pp['end'] is None or pp['end'] >= when):
            return pp
    return o['posts'][-1]


def sanction(o_or_p, cat, kind, decided, reason, unitpost=None):
    if isinstance(o_or_p, dict) and 'posts' in o_or_p:
        pp = cur_post(o_or_p, decided)
        p = o_or_p['p']
        unitpost = unitpost or f"{pp['unit']['name']}{pp['title']}"
    else:
        p = o_or_p
    sanctions.append(dict(p=p, unitpost=unitpost, cat=cat, kind=kind, decided=decided,
                          org='中共营山县纪律检查委员会' if cat == '党纪处分' else '营山县监察委员会', reason=reason,
                          months=SANCTION_MONTHS[(cat, kind)]))


_bg_sanc = [o for o in officials if 'planted' not in o['p']['hh']['flags'] and o not in BG_PROMOTED
            and o['posts'][-1]['start'] < d('2020-01-01') and o['p']['death'] is None]
_reasons = ['违反中央八项规定精神，违规收受礼金', '履行职责不力，审核把关不严', '违反工作纪律，工作中不负责任', '违规发放津补贴',
            '违反廉洁纪律，违规借用管理服务对象车辆', '违反群众纪律，优亲厚友']
for o in R.sample(_bg_sanc, 10):
    cat = R.choice(['党纪处分', '政务处分']) if o['party'] == '中共党员' else '政务处分'
    kind = R.choice(['警告', '警告', '严重警告']) if cat == '党纪处分' else R.choice(['警告', '记过', '记大过'])
    sanction(o, cat, kind, rdate(d('2020-03-01'), d('2024-05-31')), R.choice(_reasons))
for c in R.sample([c for c in village_cadres if 'planted' not in c['p']['hh']['flags'] and c['party'] == '中共党员'], 3):
    sanction(c['p'], '党纪处分', '警告', rdate(d('2021-06-01'), d('2024-05-31')), R.choice(['违反群众纪律，优亲厚友', '履行职责不力，审核把关不严']),
             unitpost=f"{c['v']['town']}{c['v']['name']}{c['title']}")
sanction(P['m22a'], '党纪处分', '警告', d('2023-03-15'), '违反工作纪律，执法检查中不负责任')
sanction(P['m22b'], '政务处分', '记过', d('2022-11-10'), '履行职责不力，社保待遇审核把关不严')
sanction(P['m22n'], '党纪处分', '警告', d('2021-03-10'), '违反中央八项规定精神，违规收受礼金')
sanction(P['m17c'], '政务处分', '警告', d('2023-04-20'), '参与赌博，受到公安机关治安管理处罚')
sanction(P['m18c'], '党纪处分', '警告', d('2022-08-16'), '饮酒后驾驶机动车，受到公安机关交通管理行政处罚')
sanctions.sort(key=lambda x: x['decided'])

# ============================================================================
# 11. payroll (财政统发工资) and social insurance contributions
# ============================================================================
payroll = []     # dict(ym, unit, p, kind, base, allow, perf, gross, ded, net, acct)
_off_offset = {}


def salary_parts(o, pp, when):
    if id(o) not in _off_offset:
        _off_offset[id(o)] = R.randint(-150, 150)
    years = max(0, when.year - o['work'].year)
    gross = SALARY[pp['rank']] + years * 28 + _off_offset[id(o)]
    base = round(gross * 0.38, 2)
    allow = round(gross * 0.40, 2)
    perf = round(gross - base - allow, 2)
    ded = round(gross * 0.215 + max(0, gross - 5000) * 0.03, 2)
    return base, allow, perf, round(gross, 2), ded, round(gross - ded, 2)


def pay(o, unit_, y, m, kind='月工资', pp=None, factor=1.0):
    pp = pp or cur_post(o, date(y, m, 15))
    base, allow, perf, gross, ded, net = salary_parts(o, pp, date(y, m, 15))
    if kind != '月工资':
        base, allow, perf = 0.0, 0.0, round(gross * factor, 2)
        gross = perf
        ded = round(gross * 0.03, 2)
        net = round(gross - ded, 2)
    payroll.append(dict(ym=(y, m), unit=unit_, p=o['p'], kind=kind, base=base, allow=allow, perf=perf, gross=gross, ded=ded,
                        net=net, acct=card(o['p'])))


for o in officials:
    ghost = o is P['m21b']
    for (y, m) in MONTHS:
        mid = date(y, m, 15)
        pp = None
        for x in o['posts']:
            if x['start'] <= mid and (x['end'] is None or x['end'] >= mid):
                pp = x
        if pp is None:
            continue
        if not ghost and not alive_on(o['p'], month_start(y, m)):
            continue
        pay(o, pp['unit'], y, m, pp=pp)
        if (y, m) == (2023, 12):
            pay(o, pp['unit'], y, m, kind='年终一次性奖励', pp=pp)
# M21a: 回龙镇 also pays the seconded 农业农村局 clerk from 2023-07
for (y, m) in MONTHS:
    if (y, m) >= (2023, 7):
        pay(P['m21a'], UBY['营山县回龙镇人民政府'], y, m, pp=dict(P['m21a']['posts'][-1], unit=UBY['营山县回龙镇人民政府']))
payroll.sort(key=lambda x: (x['ym'], x['unit']['fcode'], x['p']['id'], x['kind']))

insurance = []   # dict(p, uname, ucode, place, typ, ym, basis)
for o in officials:
    ghost = o is P['m21b']
    for (y, m) in MONTHS:
        mid = date(y, m, 15)
        pp = None
        for x in o['posts']:
            if x['start'] <= mid and (x['end'] is None or x['end'] >= mid):
                pp = x
        if pp is None or (not ghost and not alive_on(o['p'], month_start(y, m))):
            continue
        gross = salary_parts(o, pp, mid)[3]
        insurance.append(dict(p=o['p'], uname=pp['unit']['name'], ucode=pp['unit']['uscc'], place='四川省南充市营山县',
                              typ='机关事业单位基本养老保险', ym=(y, m), basis=round(gross / 100) * 100))
OUT_EMPLOYERS = [('东莞市新锐电子有限公司', '441900', '广东省东莞市'), ('深圳市华通精密科技有限公司', '440300', '广东省深圳市'),
                 ('宁波市北仑区恒达模具有限公司', '330206', '浙江省宁波市北仑区'), ('成都锦华物业服务有限公司', '510107', '四川省成都市武侯区'),
                 ('苏州工业园区科越电子有限公司', '320571', '江苏省苏州市'), ('福建省晋江市鸿兴鞋业有限公司', '350582', '福建省晋江市'),
                 ('广州市白云区宏图物流有限公司', '440111', '广东省广州市白云区')]
OUT_USCC = {n: make_uscc('91', reg, new=True) for n, reg, _ in OUT_EMPLOYERS}
_inspool = [p for p in people if p['hh'] and p['death'] is None and 20 <= age_at(p, SNAP) <= 52
            and not (p['hh']['flags'] & {'planted', 'official', 'cadre', 'collective', 'aid'})
            and not (p['flags'] & {'gygw', 'biz', 'official'})]
R.shuffle(_inspool)


def insure(p, uname, ucode, place, f_, t_, basis):
    for (y, m) in MONTHS:
        if f_ <= (y, m) <= t_:
            insurance.append(dict(p=p, uname=uname, ucode=ucode, place=place, typ='企业职工基本养老保险', ym=(y, m), basis=basis))


for p in _inspool[:64]:                    # migrant workers insured by employers elsewhere
    n, reg, place = R.choice(OUT_EMPLOYERS)
    f_ = R.choice(MONTHS[:8])
    insure(p, n, OUT_USCC[n], place, f_, R.choice([t for t in MONTHS if t >= f_]), R.choice([4200, 4500, 4800, 5200, 6100]))
_emp = [c for c in companies if c['region'] == COUNTY and c['status'] == LIVE and c['ctype'] != '个体工商户' and c['ins'] > 2]
for p in _inspool[64:130]:                 # local employees
    c = R.choice(_emp)
    insure(p, c['name'], c['uscc'], '四川省南充市营山县', MONTHS[0], MONTHS[-1], R.choice([3900, 4071, 4500, 5000]))
# M07 planted: cadre's children on a 公益性岗位 while insured by employers far away
insure(P['m07a_son'], '东莞市新锐电子有限公司', OUT_USCC['东莞市新锐电子有限公司'], '广东省东莞市', (2023, 1), (2024, 6), 4800)
insure(P['m07b_dau'], '成都锦华物业服务有限公司', OUT_USCC['成都锦华物业服务有限公司'], '四川省成都市武侯区', (2023, 9), (2024, 6), 4200)
insure(P['m07n_son'], '广州市白云区宏图物流有限公司', OUT_USCC['广州市白云区宏图物流有限公司'], '广东省广州市白云区', (2023, 6), (2024, 6), 5200)
insurance.sort(key=lambda x: (x['ym'], x['ucode'], x['p']['id']))

# ============================================================================
# 12. renumber households inside each village (so planted ones are not at the end)
# ============================================================================
for v in VILLAGES:
    hs = [h for h in households if h['v'] is v]
    R.shuffle(hs)
    for i, h in enumerate(hs):
        h['no'] = f"{int(v['tcode']) - 100}{v['code'][9:12]}{i + 1:05d}"

# ============================================================================
# 13. writers
# ============================================================================
MANIFEST = []


def write_csv(name, header, rows, enc='utf-8-sig', delim=','):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding=enc, newline='') as f:
        w = csv.writer(f, delimiter=delim, lineterminator='\r\n' if enc != 'utf-8' else '\n')
        w.writerow(header)
        for r in rows:
            w.writerow(['' if x is None else x for x in r])
    MANIFEST.append((name, len(rows), {'utf-8-sig': 'UTF-8 with BOM', 'gbk': 'GBK', 'utf-8': 'UTF-8'}[enc],
                     {',': 'comma', '\t': 'tab'}[delim]))


def col_letter(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(name, sheet, header, rows, title=None):
    """minimal valid SpreadsheetML package; strings inline, numbers numeric"""
    path = os.path.join(OUT, name)
    xml_rows = []
    rn = 1
    ncol = len(header)

    def cell(ref, v):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return f'<c r="{ref}"><v>{v}</v></c>'
        v = '' if v is None else str(v)
        if v == '':
            return ''
        sp = ' xml:space="preserve"' if v != v.strip() else ''
        return f'<c r="{ref}" t="inlineStr"><is><t{sp}>{escape(v)}</t></is></c>'

    if title:
        xml_rows.append(f'<row r="{rn}">{cell("A1", title)}</row>')
        rn += 1
    for r in [header] + rows:
        cells = ''.join(cell(f"{col_letter(i)}{rn}", v) for i, v in enumerate(r))
        xml_rows.append(f'<row r="{rn}">{cells}</row>')
        rn += 1
    last = f"{col_letter(ncol - 1)}{rn - 1}"
    merge = f'<mergeCells count="1"><mergeCell ref="A1:{col_letter(ncol - 1)}1"/></mergeCells>' if title else ''
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                 f'<dimension ref="A1:{last}"/><sheetData>' + ''.join(xml_rows) + '</sheetData>' + merge + '</worksheet>')
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
        'xl/styles.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>',
        'xl/worksheets/sheet1.xml': sheet_xml,
    }
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for n in ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
                  'xl/worksheets/sheet1.xml']:
            zi = zipfile.ZipInfo(n, date_time=(2024, 7, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, files[n].encode('utf-8'))
    MANIFEST.append((name, len(rows), 'xlsx (UTF-8 XML)', f"sheet '{sheet}', title row 1, header row 2" if title else f"sheet '{sheet}'"))


os.makedirs(OUT, exist_ok=True)
for fn in os.listdir(OUT):
    os.remove(os.path.join(OUT, fn))

# ---------- dirt selection (background only) ---------------------------------
_kids = [p for p in people if p['hh'] and age_at(p, SNAP) < 12 and 'planted' not in p['hh']['flags']
         and not (p['hh']['flags'] & {'official', 'cadre', 'aid'})]
BAD_ID = {}
for p in R.sample(_kids, 3):
    good = p['id']
    wrong = [c for c in '0123456789X' if c != good[17]]
    BAD_ID[good] = good[:17] + R.choice(wrong)
NO_ETH = set(p['id'] for p in R.sample([p for p in people if p['hh'] and 'planted' not in p['hh']['flags']], 14))

# ---------- 1 户籍 ------------------------------------------------------------
rows = []
for h in sorted(households, key=lambda h: h['no']):
    headname = '' if h['kind'] == '集体户' else h['members'][0]['name']
    for p in h['members']:
        status, reason, cdate = '正常', '', ''
        if p['cancel']:
            status, reason, cdate = '注销', '死亡', f"{p['cancel']:%Y%m%d}"
        rows.append([h['no'], h['kind'], headname, p['name'], p['rel'], p['sex'], '' if p['id'] in NO_ETH else p['eth'],
                     f"{p['birth']:%Y%m%d}", BAD_ID.get(p['id'], p['id']), h['addr'], h['v']['town'],
                     h['v']['name'] + ('居民委员会' if h['v']['kind'] == 'c' else '村民委员会'), h['v']['pcs'], status, reason, cdate])
_dup = R.choice([r for r in rows if r[13] == '正常' and r[4] != '02'])
rows.insert(rows.index(_dup) + 1, list(_dup))
write_csv('县公安局_户籍人口信息_20240630.csv',
          ['户号', '户别', '户主姓名', '姓名', '与户主关系代码', '性别', '民族', '出生日期', '公民身份号码', '户籍地址',
           '所属乡镇', '所属村（居）委会', '户籍派出所', '人员状态', '注销原因', '注销日期'], rows, enc='gbk')

# ---------- 2 火化 -------------------------------------------------------------
rows = []
dead = sorted([p for p in people if p['crem']], key=lambda p: p['crem'])
for i, p in enumerate(dead):
    kin = [m for m in p['hh']['members'] if m is not p and alive_on(m, p['crem']) and age_at(m, p['crem']) >= 18]
    k = kin[0] if kin else None
    kin_rel = ''
    if k:
        if p['rel'] == '02':
            kin_rel = {'10': '配偶', '11': '配偶', '12': '配偶'}.get(k['rel'], '子女' if k['rel'][0] in '23' else '其他亲属')
        elif k['rel'] == '02':
            kin_rel = {'10': '配偶', '11': '配偶', '12': '配偶', '51': '子女', '52': '子女'}.get(p['rel'], '其他亲属')
            if p['rel'][0] in '23':
                kin_rel = '父母'
        else:
            kin_rel = '其他亲属'
    rows.append([f"YSBYG{p['crem'].year}{i + 1:05d}", p['name'], p['sex'], age_at(p, p['death']), p['id'], p['hh']['addr'],
                 f_slash(p['death']), f_slash(p['crem']), R.choice(['疾病死亡', '疾病死亡', '疾病死亡', '自然死亡', '意外死亡'])
                 if age_at(p, p['death']) < 75 else R.choice(['疾病死亡', '自然死亡']),
                 k['name'] if k else '', kin_rel])
write_csv('县民政局_殡仪馆火化登记_2021-2024.csv',
          ['火化证编号', '逝者姓名', '性别', '年龄', '身份证号码', '生前住址', '死亡日期', '火化日期', '死亡原因', '承办人姓名',
           '承办人与逝者关系'], rows, enc='utf-8-sig')

# ---------- 3 婚姻登记 -----------------------------------------------------------
rows = []
_seq = {}
fifteen_done = False
lower_x_done = False
for mrec in marriages:
    k = ('J' if mrec['typ'] == '结婚登记' else 'L', mrec['when'].year)
    _seq[k] = _seq.get(k, 0) + 1
    hid, wid = mrec['h']['id'], mrec['w']['id']
    planted_pair = any('planted' in (x.get('hh') or {}).get('flags', set()) for x in (mrec['h'], mrec['w']) if x.get('hh'))
    if not fifteen_done and not planted_pair and mrec['when'].year <= 2004 and mrec['typ'] == '结婚登记':
        hid = hid[:6] + hid[8:17]
        fifteen_done = True
    elif not lower_x_done and not planted_pair and wid.endswith('X'):
        wid = wid[:17] + 'x'
        lower_x_done = True
    rows.append(['营山县民政局婚姻登记处', mrec['typ'], f_cn(mrec['when']), f"{k[0]}{COUNTY}-{k[1]}-{_seq[k]:06d}",
                 mrec['h']['name'], '居民身份证', hid, mrec['w']['name'], '居民身份证', wid])
write_csv('县民政局_婚姻登记信息_2000-2024.csv',
          ['登记机关', '业务类型', '登记日期', '证件字号', '男方姓名', '男方证件类型', '男方证件号码', '女方姓名', '女方证件类型',
           '女方证件号码'], rows, enc='gbk')

# ---------- 4 干部名册 (xlsx) -----------------------------------------------------
rows = []
n = 0
for o in sorted(officials, key=lambda o: (o['posts'][-1]['unit']['fcode'], o['posts'][-1]['leader'] != '是', o['p']['id'])):
    for pp in o['posts']:
        n += 1
        status = '在职' if pp['end'] is None else ('调出' if pp['unit'] is not o['posts'][-1]['unit'] else '职务/职级变动')
        rows.append([n, o['p']['name'], o['p']['sex'], o['p']['eth'] or '汉族', f_dot_m(o['p']['birth']), o['p']['id'], o['party'],
                     f_dot_m(o['work']), pp['unit']['name'], pp['unit']['kind'], pp['unit']['bz'], pp['title'], pp['rank'],
                     pp['leader'], pp['duty'], f"{pp['start']:%Y-%m-%d}", f"{pp['end']:%Y-%m-%d}" if pp['end'] else '',
                     status, o['note'] if pp['end'] is None else ''])
write_xlsx('县委组织部_干部名册及任职信息_20240630.xlsx', '干部名册',
           ['序号', '姓名', '性别', '民族', '出生年月', '公民身份号码', '政治面貌', '参加工作时间', '工作单位', '单位性质', '编制类型',
            '职务', '职级（岗位等级）', '是否领导班子成员', '分管工作', '任职起始日期', '任职终止日期', '记录状态', '备注'],
           rows, title='营山县党政机关和事业单位干部名册及任职信息（截至2024年6月30日）')

# ---------- 5 村社区两委 -----------------------------------------------------------
rows = []
for c in sorted(village_cadres, key=lambda c: (c['v']['code'], c['title'])):
    rows.append([c['v']['town'], c['v']['code'], c['v']['name'], c['p']['name'], c['p']['sex'], c['p']['id'],
                 f_dot_m(c['p']['birth']), c['party'], c['title'], f"{c['start'].year}年{c['start'].month}月", c['edu'], c['phone']])
write_csv('县委组织部_村社区两委成员名册_2024.csv',
          ['乡镇（街道）', '村（社区）统计代码', '村（社区）名称', '姓名', '性别', '身份证号', '出生年月', '政治面貌', '现任职务',
           '任现职时间', '文化程度', '联系电话'], rows, enc='utf-8-sig')

# ---------- 6 工资 ---------------------------------------------------------------
rows = [[ym(*x['ym']), x['unit']['fcode'], x['unit']['name'], x['p']['name'], x['p']['id'], '在职人员', x['kind'],
         money(x['base']), money(x['allow']), money(x['perf']), money(x['gross']), money(x['ded']), money(x['net']), x['acct']]
        for x in payroll]
write_csv('县财政局_财政供养人员工资统发明细_202301-202406.csv',
          ['发放年月', '预算单位编码', '预算单位名称', '姓名', '身份证号码', '人员类别', '工资类别', '基本工资', '津贴补贴', '绩效工资',
           '应发合计', '个人扣款合计', '实发合计', '工资卡号'], rows, enc='gbk')

# ---------- 7 社保参保 -------------------------------------------------------------
rows = [[x['p']['id'], x['p']['name'], '1' if x['p']['sex'] == '男' else '2', x['ucode'], x['uname'], x['place'], x['typ'],
         ym(*x['ym']), x['basis']] for x in insurance]
write_csv('县人社局_养老保险参保缴费明细_202301-202406.csv',
          ['公民身份号码', '姓名', '性别', '参保单位编号', '参保单位名称', '参保地', '险种类型', '费款所属期', '缴费基数'], rows,
          enc='utf-8')

# ---------- 8 养老待遇 (TSV) --------------------------------------------------------
rows = []
lx = False
for x in sorted(pensions, key=lambda x: (x['per'], x['ins'], x['p']['id'], x['item'])):
    pid = x['p']['id']
    if not lx and pid.endswith('X') and 'planted' not in x['p']['hh']['flags'] and x['per'] == (2023, 5):
        pid = pid[:17] + 'x'
        lx = True
    rows.append([pid, x['p']['name'], x['ins'], x['item'], ym(*x['per'], sep='-'), f"{x['amt']:.2f}", f"{x['paid']:%Y-%m-%d}",
                 '四川营山农村商业银行' if x['ins'] == '城乡居民基本养老保险' else '中国农业银行营山县支行'])
write_csv('县人社局_养老保险待遇发放明细_202301-202406.tsv',
          ['社会保障号码', '姓名', '险种', '待遇项目', '待遇所属期', '发放金额', '发放日期', '代发机构'], rows, enc='utf-8', delim='\t')

# ---------- 9/10 低保特困 -------------------------------------------------------------
rows = []
trail_done = False
for c in aid_cases:
    for (y, m) in case_months(c):
        n_cov = len([1 for (mp, w, s) in c['mem'] if alive_on(mp, month_start(y, m))]) or 1
        amt = c['per'] if c['pp'] is None else c['pp'] * n_cov
        aid_id = c['app']['id']
        if not trail_done and 'planted' not in c['app']['hh']['flags']:
            aid_id += ' '
            trail_done = True
        rows.append([c['kind'], c['v']['town'], c['v']['name'], c['famno'], c['app']['name'], aid_id, n_cov, ym(y, m, '-'),
                     f"{amt if y == 2023 else round(amt * 1.04):.2f}", f"{date(y, m, 10):%Y-%m-%d}", card(c['app'])])
rows.sort(key=lambda r: (r[7], r[3]))
write_csv('县民政局_城乡低保特困供养资金发放明细_202301-202406.csv',
          ['救助类别', '乡镇（街道）', '村（社区）', '家庭编号', '申请人姓名', '申请人身份证号', '保障人数', '发放年月', '发放金额（元）',
           '发放日期', '收款账号'], rows, enc='utf-8-sig')
rows = []
for c in aid_cases:
    for (mp, w, s) in c['mem']:
        out_d = ''
        if c['end']:
            out_d = f"{c['end'].year}年{c['end'].month}月"
        elif mp['death'] and mp['death'] >= d('2023-01-01') and mp is not c['app']:
            out_d = f"{mp['death'].year}年{mp['death'].month}月"
        rows.append([c['famno'], c['kind'], c['v']['town'], c['v']['name'], c['app']['name'], c['app']['id'], mp['name'], mp['id'],
                     w, '是', f"{c['start'].year}年{c['start'].month}月", out_d, c['addr']])
write_csv('县民政局_低保特困家庭成员信息_20240630.csv',
          ['家庭编号', '救助类别', '乡镇（街道）', '村（社区）', '申请人姓名', '申请人身份证号', '成员姓名', '成员身份证号', '与申请人关系',
           '是否纳入保障', '纳入保障年月', '退出保障年月', '家庭住址'], rows, enc='utf-8-sig')

# ---------- 11 一卡通 ----------------------------------------------------------------
rows = []
_trail = set(id(x) for x in R.sample([x for x in ykt if 'planted' not in x['p']['hh']['flags']], 9))
for x in sorted(ykt, key=lambda x: (x['paid'], x['code'], x['v']['code'], x['p']['id'])):
    nm = x['p']['name'] + (' ' if id(x) in _trail else '')
    rows.append([x['code'], YKT[x['code']][0], YKT[x['code']][1], x['v']['town'], x['v']['name'], nm, x['p']['id'],
                 ym(*x['pf']), ym(*x['pt']), x['qty'], f"{x['amt']:.2f}", f"{x['paid']:%Y%m%d}", card(x['p']), x['note']])
_dupr = R.choice([r for r in rows if r[0] == 'YKT01' and not r[5].endswith(' ')])
rows.insert(rows.index(_dupr) + 1, list(_dupr))
write_csv('县财政局_惠民惠农财政补贴一卡通发放明细_2023-2024.csv',
          ['资金项目代码', '资金项目名称', '主管部门', '乡镇', '村（社区）', '领取人姓名', '领取人身份证号', '所属期起', '所属期止',
           '发放依据（面积/标准/岗位）', '发放金额', '发放日期', '一卡通账号', '备注'], rows, enc='gbk')

# ---------- 12/13/14 市场监管 ---------------------------------------------------------
BAD_USCC = {OTHER[0]['uscc']: OTHER[0]['uscc'][:17] + R.choice([c for c in UC if c != OTHER[0]['uscc'][17]])}
_blank_phone = set(id(c) for c in R.sample([c for c in OTHER], 4))
rows = []
for c in sorted(companies, key=lambda c: (c['est'], c['uscc'])):
    lr = c['lr']
    rows.append([BAD_USCC.get(c['uscc'], c['uscc']), c['name'], c['ctype'], lr['name'], lr['id'],
                 f"{c['cap']:g}" if c['ctype'] != '个体工商户' else f"{c['cap']:g}",
                 f"{c['est']:%Y-%m-%d}", '长期' if c['ctype'] == '个体工商户' or R.random() < 0.6 else f"{c['est'].year + 30}-{c['est']:%m-%d}",
                 REGION_NAME[c['region']][1], c['status'], f"{c['sdate']:%Y-%m-%d}" if c['sdate'] else '', c['addr'],
                 '' if id(c) in _blank_phone else c['phone'], c['ind'], c['scope'], 0 if c['status'] != LIVE else c['ins'],
                 (min(2023, c['sdate'].year - (1 if c['status'] == '注销' else 2)) if c['sdate'] else (2023 if c['est'].year < 2024 else ''))])
write_csv('县市场监管局_市场主体登记信息_20240630.csv',
          ['统一社会信用代码', '主体名称', '主体类型', '法定代表人（负责人/经营者）', '法定代表人证件号码', '注册资本（万元）', '成立日期',
           '营业期限至', '登记机关', '登记状态', '注销/吊销日期', '住所（经营场所）', '联系电话', '所属行业', '经营范围', '年报参保人数',
           '最近年报年度'], rows, enc='utf-8-sig')
rows = []
for c in sorted(companies, key=lambda c: c['uscc']):
    for h in c['holders']:
        x = h['h']
        is_co = 'uscc' in x
        rows.append([BAD_USCC.get(c['uscc'], c['uscc']), c['name'], x['name'], '企业法人' if is_co else '自然人股东',
                     '统一社会信用代码' if is_co else '居民身份证', x['uscc'] if is_co else x['id'], f"{h['amt']:g}",
                     f"{round(h['amt'] / c['cap'] * 100, 2):g}%", f_slash(h['reg']),
                     f"{max(h['reg'].year + 20, 2035)}/12/31"])
write_csv('县市场监管局_股东及出资信息_20240630.csv',
          ['统一社会信用代码', '企业名称', '股东名称', '股东类型', '证照/证件类型', '证照/证件号码', '认缴出资额（万元）', '出资比例',
           '股东登记日期', '认缴出资期限'], rows, enc='gbk')
rows = []
for c in sorted(companies, key=lambda c: c['uscc']):
    for ofc in c['officers']:
        blank = 'planted' not in ((ofc['p'].get('hh') or {}).get('flags', set())) and c not in PC.values() and R.random() < 0.08
        rows.append([BAD_USCC.get(c['uscc'], c['uscc']), c['name'], ofc['p']['name'], ofc['p']['id'], ofc['role'],
                     '' if blank else f"{ofc['since']:%Y%m%d}"])
write_csv('县市场监管局_主要人员信息_20240630.csv',
          ['统一社会信用代码', '企业名称', '姓名', '身份证件号码', '职务', '任职日期'], rows, enc='utf-8')

# ---------- 15/16 公共资源交易 ---------------------------------------------------------
rows = []
for pr in sorted(projects, key=lambda p: p['code']):
    for lot in pr['lots']:
        w = lot['winner']
        rows.append([pr['code'], pr['name'], lot['code'], lot['name'] or pr['name'], pr['tenderer']['name'],
                     '' if pr['tenderer']['cat'] == 'town' else pr['tenderer']['uscc'], pr['agent'] if pr['method'] != '单一来源' else '',
                     pr['method'], pr['evalm'], {'G': '工程', 'H': '货物', 'F': '服务'}[pr['cat']], f"{lot['control'] / 10000:.4f}",
                     pr['fund'], f"{pr['notice']:%Y-%m-%d}", f"{pr['open']:%Y-%m-%d}", len(lot['bids']),
                     f_cn(lot['pub']) if w or lot['status'] == '流标' else '', w['c_']['name'] if w else '', w['c_']['uscc'] if w else '',
                     f"{w['price'] / 10000:.4f}" if w else '', lot['status']])
write_csv('县公共资源交易中心_招标项目及结果_2022-2024.csv',
          ['项目编号', '项目名称', '标段（包）编号', '标段（包）名称', '招标人/采购人', '招标人统一社会信用代码', '招标代理机构', '招标/采购方式',
           '评标办法', '项目类别', '最高投标限价（万元）', '资金来源', '公告发布日期', '开标日期', '递交投标文件单位数', '结果公示日期',
           '中标（成交）人', '中标人统一社会信用代码', '中标（成交）价（万元）', '项目状态'], rows, enc='utf-8-sig')
rows = []
_planted_lots = set()
for v_ in LOT.values():
    for x_ in (v_ if isinstance(v_, tuple) else (v_,)):
        if isinstance(x_, dict) and 'bids' in x_:
            _planted_lots.add(id(x_))
_trail_bid = set(id(b) for b in R.sample([b for pr in projects for lot in pr['lots'] if id(lot) not in _planted_lots
                                          for b in lot['bids'] if lot['winner'] is not b], 3))
for pr in sorted(projects, key=lambda p: p['code']):
    for lot in pr['lots']:
        for b in sorted(lot['bids'], key=lambda b: b['time']):
            rows.append([pr['code'], lot['code'], b['c_']['name'] + (' ' if id(b) in _trail_bid else ''), b['c_']['uscc'], f"{b['price']:.2f}",
                         f"{b['time']:%Y-%m-%d %H:%M:%S}", b['ip'], b['mac'], b['mc'], b['lock'], b['contact'], b['phone'], b['pm'],
                         b['pmid'], '银行转账', b['acct'], b['acctname'], b['bank'], b['result'], b['reason'], b['win']])
write_csv('县公共资源交易中心_投标文件递交及开评标记录_2022-2024.csv',
          ['项目编号', '标段（包）编号', '投标人名称', '投标人统一社会信用代码', '投标报价（元）', '投标文件递交时间', '上传IP地址',
           '上传终端MAC地址', '投标文件制作机器码', 'CA锁序列号', '联系人', '联系电话', '项目负责人', '项目负责人身份证号', '保证金缴纳方式',
           '保证金付款账号', '付款账户名称', '付款开户行', '评审结果', '否决投标原因', '是否中标'], rows, enc='utf-8-sig')

# ---------- 17 直接采购/小额工程 ------------------------------------------------------------
rows = [[x['unit']['name'], x['pname'], x['method'], x['c']['name'], x['c']['uscc'], money(x['amt']), f_slash(x['when']), x['fund']]
        for x in direct]
write_csv('县财政局_小额工程及直接采购台账_2022-2024.csv',
          ['采购（发包）单位', '项目名称', '采购方式', '供应商（承包人）', '供应商统一社会信用代码', '合同金额（元）', '合同签订日期', '资金性质'],
          rows, enc='gbk')

# ---------- 18/19 村级工程 / 三资支出 ---------------------------------------------------------
rows = []
for w in vworks:
    who = w['who']
    rows.append([w['v']['town'], w['v']['code'], w['v']['name'], w['name'], w['typ'], who['name'],
                 who['uscc'] if 'uscc' in who else who['id'], f"{w['amt'] / 10000:.2f}", f"{w['signed']:%Y-%m-%d}",
                 f"{w['start']:%Y-%m-%d}", f"{w['done']:%Y-%m-%d}" if w['done'] <= SNAP else '', '四议两公开'])
write_csv('县农业农村局_村级小型工程项目台账_2022-2024.csv',
          ['乡镇', '村统计代码', '村名称', '项目名称', '项目类别', '承建方', '承建方证件号码（身份证号/统一社会信用代码）', '合同金额（万元）',
           '合同签订日期', '开工日期', '竣工日期', '决策程序'], rows, enc='utf-8-sig')
rows = []
_vch = {}
for x in vpay:
    k = (x['v']['code'], x['when'].year, x['when'].month)
    _vch[k] = _vch.get(k, 0) + 1
    who = x['who']
    rows.append([x['v']['code'], f"{x['v']['town']}{x['v']['name']}", f"记-{x['when']:%Y%m}-{_vch[k]:03d}", f"{x['when']:%Y-%m-%d}",
                 x['summary'], who['name'], who['uscc'] if 'uscc' in who else who['id'],
                 card(who) if 'id' in who and 'uscc' not in who else '', money(x['amt'])])
write_csv('县农业农村局_农村集体三资平台村级支出明细_2022-2024.csv',
          ['村级组织代码', '村级组织名称', '凭证号', '支付日期', '摘要', '收款人（单位）', '收款人证件号码', '收款账号', '支出金额（元）'],
          rows, enc='gbk')

# ---------- 20 治安处罚 ---------------------------------------------------------------
rows = []
_doc = {}
for x in police:
    k = (x['pcs'], x['decided'].year)
    _doc[k] = _doc.get(k, 0) + 1
    dd_ = x['decided'] if isinstance(x['decided'], date) and not isinstance(x['decided'], datetime) else x['decided'].date()
    rows.append([f"营公（{PCS_SHORT[x['pcs']]}）行罚决字〔{dd_.year}〕{_doc[k]:04d}号", x['caseno'], x['p']['name'], x['p']['sex'],
                 x['p']['id'], x['job'], x['work'], x['act'], f"{x['when']:%Y-%m-%d %H:%M}", x['place'], x['penalty'],
                 f"{dd_:%Y-%m-%d}", x['pcs']])
write_csv('县公安局_治安管理行政处罚信息_2019-2024.csv',
          ['处罚决定书文号', '案件编号', '违法行为人姓名', '性别', '公民身份号码', '职业', '工作单位', '违法行为', '违法时间', '违法地点',
           '处罚种类及幅度', '决定日期', '办案单位'], rows, enc='gbk')

# ---------- 21 交警酒驾 ---------------------------------------------------------------
rows = []
for i, x in enumerate(traffic):
    rows.append([f"5113221{x['when'].year}{i + 1:06d}", x['p']['name'], x['p']['id'], x['plate'],
                 f"{x['when'].year}/{x['when'].month}/{x['when'].day} {x['when']:%H:%M}", x['place'], x['act'], x['bac'], x['result'],
                 x['party'], x['job'], x['work'], f_slash(x['decided'])])
write_csv('县公安局交警大队_酒驾醉驾查处信息_2021-2024.csv',
          ['决定书编号', '当事人', '身份证明号码', '号牌号码', '违法时间', '违法地点', '违法行为', '血液酒精含量（mg/100ml）', '处理结果',
           '政治面貌', '职业', '工作单位', '处理日期'], rows, enc='utf-8-sig')

# ---------- 22 处分 --------------------------------------------------------------------
rows = []
_ds = {}
for x in sanctions:
    k = (x['cat'], x['decided'].year)
    _ds[k] = _ds.get(k, 0) + 1
    doc = f"营纪处〔{x['decided'].year}〕{_ds[k]}号" if x['cat'] == '党纪处分' else f"营监处〔{x['decided'].year}〕{_ds[k]}号"
    rows.append([x['p']['name'], x['p']['id'], x['unitpost'], x['cat'], ('党内' if x['cat'] == '党纪处分' and x['kind'] in ('警告', '严重警告') else '') + x['kind'],
                 f_cn(x['decided']), x['org'], doc, x['reason'], x['months']])
    x['doc'] = doc
write_csv('县纪委监委_党纪政务处分信息_2020-2024.csv',
          ['被处分人姓名', '身份证号码', '时任单位及职务', '处分类别', '处分种类', '处分决定日期', '决定机关', '处分决定文号', '主要违纪违法事实',
           '处分影响期（月）'], rows, enc='utf-8-sig')

# ============================================================================
# 14. truth.json
# ============================================================================
def pid(x):
    return x['p']['id'] if 'posts' in x or ('p' in x and 'title' in x) else x['id']


def codes(cs):
    return [c['uscc'] for c in cs]


hh_of = lambda p: p['hh']['no']
# --- M01
T('M01', 'alert', {'person_id': pid(P['m01a']), 'credit_code': PC['m01a']['uscc']},
  '骆市镇政府在编科员(2013年入职)自2021-06-08起任存续企业法定代表人、执行董事兼总经理并持股70%')
T('M01', 'alert', {'person_id': pid(P['m01b']), 'credit_code': PC['m01b']['uscc']},
  '县自然资源局在职公务员2022-04-26起登记为存续餐饮公司自然人股东(30%)，与任职期重叠')
T('M01', 'no_alert', {'person_id': pid(P['m01c']), 'credit_code': PC['m01c']['uscc']},
  '近似：市场监管局干部所任法定代表人的公司已于2019-07-23吊销(吊销未注销的僵尸企业)，非存续')
T('M01', 'no_alert', {'person_id': pid(P['m01d_off']), 'namesake_id': P['m01d_farmer']['id'], 'credit_code': PC['m01d']['uscc']},
  '近似：财政局干部与存续公司法定代表人同名同性别，但身份证号不同(高峰村农民)，仅姓名相同不应告警')
# --- M02
T('M02', 'alert', {'leader_id': pid(P['m02a']), 'kin_id': P['m02a_wife']['id'], 'relation': '配偶',
                   'credit_code': PC['m02a']['uscc']},
  '副县长(县处级副职，分管住建/交通/水务)之妻(婚姻登记2003年结婚，户籍分户)是本县建筑公司法定代表人并持股60%',
  note='catalog pilots cover 厅局级副职及以上; this key assumes the rule is applied to county 领导班子成员')
T('M02', 'alert', {'leader_id': pid(P['m02b']), 'kin_id': P['m02b_son']['id'], 'relation': '子女',
                   'credit_code': PC['m02b']['uscc']},
  '县交通运输局局长之长子(同户，关系代码22)任本县道路货运公司执行董事兼总经理、法定代表人并持股40%',
  note='正科级 leader: assumes the rule is applied to county 领导班子成员 (catalog pilots: 厅局级副职及以上)')
T('M02', 'no_alert', {'leader_id': pid(P['m02c']), 'kin_id': P['m02c_sil']['id'], 'relation': '子女的配偶',
                      'credit_code': PC['m02c']['uscc']},
  '近似：教育局副局长的女婿(同户代码28)仅任成都一家餐饮公司监事，未出资、非高级职务，且非本县、非教育行业')
T('M02', 'no_alert', {'leader_id': pid(P['m02d']), 'kin_id': P['m02d_ex']['id'], 'relation': '前配偶',
                      'credit_code': PC['m02d']['uscc']},
  '近似：住建局副局长与该建筑劳务公司法定代表人已于2019-06-18办理离婚登记，现非配偶')
# --- M03
l = LOT['m03a']
T('M03', 'alert', {'official_id': pid(P['m03a']), 'kin_id': P['m03a_bro']['id'], 'relation': '兄弟姐妹',
                   'credit_code': PC['m03a']['uscc'], 'project_code': l['pr']['code'], 'lot_code': l['code']},
  '水务局副局长(领导成员)的弟弟(同户代码73)控股并任法定代表人的公司中标水务局2023-08-22开标的工程')
T('M03', 'alert', {'official_id': pid(P['m03b']), 'kin_id': P['m03b_father']['id'], 'relation': '父母',
                   'credit_code': PC['m03b']['uscc'], 'direct_awards': ['城南镇场镇污水管网应急维修工程', '城南镇场镇排水沟渠清淤整治']},
  '城南镇镇长之父(同户代码51)为独资公司法定代表人，该公司2023-11及2024-03两次获城南镇政府直接发包')
l = LOT['m03c']
T('M03', 'no_alert', {'official_id': pid(P['m03c']), 'kin_id': P['m03c_bro']['id'], 'credit_code': PC['m03c']['uscc'],
                      'project_code': l['pr']['code'], 'lot_code': l['code']},
  '近似：中标公司法定代表人的哥哥(户主，原交通局副局长)2022-03-30已调任统计局局长，2023-08交通局项目开标时已不在招标单位任职')
# --- M04
T('M04', 'alert', {'cadre_id': pid(P['m04a']), 'kin_id': P['m04a_son']['id'], 'village_code': VBY['青龙村']['code']},
  f"青龙村村委会主任之子(同户，代码{P['m04a_son']['rel']})2022-04至2023-11从本村三资账户收取14笔挖掘机台班费")
T('M04', 'alert', {'cadre_id': pid(P['m04b']), 'kin_id': P['m04b_wife']['id'], 'village_code': VBY['白鹤村']['code'],
                   'credit_code': PC['m04b']['uscc']},
  '白鹤村党支部书记之妻(同户配偶)任法定代表人的独资公司承建本村46.8万元道路工程并收款')
T('M04', 'no_alert', {'cadre_id': pid(P['m04n']), 'payee_id': P['m04n_other']['id'], 'village_code': VBY['大河村']['code']},
  '近似：收款村民与大河村书记同村同姓，但不同户、无婚姻登记关系(同姓不等于亲属)')
# --- M06
T('M06', 'alert', {'cadre_id': pid(P['m06a']), 'kin_ids': [P['m06a_mother']['id'], P['m06a_son']['id']],
                   'village_code': VBY['石板村']['code']},
  f"石板村主任同户的母亲(代码{P['m06a_mother']['rel']})领特困供养18个月、儿子(代码{P['m06a_son']['rel']})领临时救助2次(非普惠)")
T('M06', 'alert', {'cadre_id': pid(P['m06b']), 'kin_ids': [P['m06b_father']['id'], P['m06b_wife']['id']],
                   'village_code': VBY['观音村']['code']},
  f"观音村文书同户父亲(代码{P['m06b_father']['rel']})单人纳入农村低保18个月，妻子(代码{P['m06b_wife']['rel']})领临时救助3000元")
T('M06', 'no_alert', {'cadre_id': pid(P['m06n']), 'kin_ids': [P['m06n_mother']['id']], 'village_code': VBY['桂花村']['code']},
  '近似：桂花村委员的母亲(86岁)只领普惠性的高龄津贴')
# --- M07
T('M07', 'alert', {'cadre_id': pid(P['m07a']), 'kin_id': P['m07a_son']['id'], 'programme': '公益性岗位补贴',
                   'employer_credit_code': OUT_USCC['东莞市新锐电子有限公司']},
  f"金鸡村会计之子(同户，代码{P['m07a_son']['rel']})2023-03至12领公益性岗位补贴，同期10个月在东莞企业参保缴费(人在外地)", also_matches=['M06'])
T('M07', 'alert', {'cadre_id': pid(P['m07b']), 'kin_id': P['m07b_dau']['id'], 'programme': '公益性岗位补贴',
                   'employer_credit_code': OUT_USCC['成都锦华物业服务有限公司']},
  f"柏林村主任之女(同户，代码{P['m07b_dau']['rel']})2023-07起领村道保洁员补贴，2023-09至2024-06同时在成都企业参保(重叠10个月)", also_matches=['M06'])
T('M07', 'no_alert', {'cadre_id': pid(P['m07n']), 'kin_id': P['m07n_son']['id'], 'programme': '公益性岗位补贴'},
  '近似：太平村书记之子岗位补贴至2023-06，外地参保自2023-06起，仅重叠1个月(<2个月阈值)', also_matches=['M06'],
  note='M06 may still list this kin payment if 公益性岗位补贴 is treated as discretionary aid')
# --- M08
T('M08', 'alert', {'person_id': pid(P['m08a']), 'household_no': hh_of(P['m08a']['p']), 'recipient_id': P['m08a_father']['id'],
                   'programme': '农村低保'},
  f"回龙镇在编科员户籍仍在父亲户内(与户主关系代码{P['m08a']['p']['rel']})，该户2023-2024持续享受农村低保(申报成员未列该科员)")
T('M08', 'alert', {'person_id': pid(P['m08b']), 'household_no': hh_of(P['m08b']['p']), 'recipient_id': P['m08b_head']['id'],
                   'programme': '城市低保'},
  '朗池镇中心小学在编教师作为“配偶”列入丈夫申请的城市低保家庭(保障3人)')
T('M08', 'no_alert', {'person_id': pid(P['m08n']), 'recipient_id': P['m08n_father']['id'], 'programme': '农村低保'},
  '近似：城南镇科员已单独立户，父母在新桥村另一户号享受低保；户籍与婚姻登记均无连接')
# --- M09
T('M09', 'alert', {'person_id': pid(P['m09a']), 'recipient_id': pid(P['m09a']), 'household_no': hh_of(P['m09a']['p']),
                   'programme': '耕地地力保护补贴'},
  '骆市镇在编公务员本人作为水井村户主领取2023、2024年耕地地力保护补贴')
T('M09', 'alert', {'person_id': pid(P['m09b']), 'recipient_id': P['m09b_head']['id'], 'household_no': hh_of(P['m09b']['p']),
                   'programme': '耕地地力保护补贴'},
  '县人民医院在编护士同户的丈夫(户主)领取2023、2024年耕地地力保护补贴')
T('M09', 'no_alert', {'person_id': pid(P['m08n']), 'recipient_id': P['m08n_father']['id'], 'programme': '耕地地力保护补贴'},
  '近似：领补贴的是该科员父亲，但父母为另一户号(已分户)')
# --- M10
T('M10', 'alert', {'recipient_id': P['m10a']['id'], 'person_id': P['m10a']['id'], 'credit_code': PC['m10a']['uscc'],
                   'programme': '城市低保'},
  '城市低保申请人本人是2021-05成立的存续商贸公司法定代表人及唯一股东，低保期内持续经营')
T('M10', 'alert', {'recipient_id': P['m10b']['id'], 'person_id': P['m10b_son']['id'], 'credit_code': PC['m10b']['uscc'],
                   'programme': '农村低保'},
  '农村低保家庭成员(之子，已纳入保障)2023-04-10起持有一家存续农业公司50%股权')
T('M10', 'no_alert', {'recipient_id': P['m10n']['id'], 'credit_code': PC['m10n']['uscc'], 'programme': '城市低保'},
  '近似：其公司已于2020-08-12注销，2022-03才纳入低保，期间无在营企业')
# --- M11
T('M11', 'alert', {'person_id': P['m11a']['id'], 'programme': '高龄津贴', 'death_date': '2022-11-03'},
  '2022-11-03死亡(火化登记；户籍未注销)，高龄津贴仍按季发放至2024年第二季度')
T('M11', 'alert', {'person_id': P['m11b']['id'], 'programme': '农村低保', 'death_date': '2023-08-20'},
  '2023-08-20死亡(火化、户籍注销)，农村低保继续发放2023-09至2024-06，所属期晚于死亡超过3个月')
T('M11', 'no_alert', {'person_id': P['m11c']['id'], 'programme': '高龄津贴', 'death_date': '2024-01-10'},
  '近似：死后2024-03-20发放的是2023年第四季度补发(所属期早于死亡)')
T('M11', 'no_alert', {'person_id': P['m11d']['id'], 'programme': '农村低保', 'death_date': '2023-10-05'},
  '近似：死亡后只多发了2023-11一个月(在1-3个月宽限期内)')
T('M11', 'no_alert', {'person_id': P['m11e']['id'], 'programme': '企业职工基本养老保险', 'death_date': '2023-11-12'},
  '近似：死后所属期2024-03的支付是丧葬补助金(合法死后待遇)，基本养老金发至2023-11')
# --- M13
T('M13', 'alert', {'person_id': P['m13a']['id'], 'programmes': ['农村低保', '城市低保']},
  '同一人2023-07至2024-06同时为大河村农村低保和南门社区城市低保申请人，重叠12个月')
T('M13', 'alert', {'person_id': P['m13b']['id'], 'programmes': ['城乡居民基本养老保险', '企业职工基本养老保险']},
  '同一人2023-01至2024-06同时领取城乡居民养老金和企业职工养老金')
T('M13', 'no_alert', {'person_id': P['m13n']['id'], 'programmes': ['农村低保', '城市低保']},
  '近似：农村转城市低保，仅2023-06一个月交叉(转移接续月)')
# --- M17
T('M17', 'alert', {'person_id': pid(P['m17a']), 'case_no': P['m17a_case']},
  '双河镇在编干部(中共党员)2023-03-11赌博受治安处罚(处罚记录职业填“其他”)，无任何处分')
T('M17', 'alert', {'person_id': pid(P['m17b']), 'case_no': P['m17b_case']},
  '县人民医院在编医师(党员)2022-07-16殴打他人被行政拘留，无处分')
T('M17', 'no_alert', {'person_id': pid(P['m17c']), 'case_no': P['m17c_case']},
  '近似：2023-01赌博已于2023-04-20受政务警告处分')
T('M17', 'no_alert', {'person_id': pid(P['m17d']), 'case_no': P['m17d_case']},
  '近似：2019-08赌博发生在其2021-08入职之前(当时为学生)')
# --- M18
T('M18', 'alert', {'person_id': pid(P['m18a']), 'violation_time': '2023-09-16 23:05'},
  '财政局党员干部2023-09-16醉驾(126mg/100ml，已刑事立案)，无党纪政务处分', also_matches=['M17'])
T('M18', 'alert', {'person_id': pid(P['m18b']), 'violation_time': '2022-12-03 21:40'},
  '回龙镇党员干部2022-12-03饮酒驾驶受罚，无处分', also_matches=['M17'])
T('M18', 'no_alert', {'person_id': pid(P['m18c']), 'violation_time': '2022-05-21 20:30'},
  '近似：2022-05饮酒驾驶已于2022-08-16受党内警告')
T('M18', 'no_alert', {'person_id': P['m18d_farmer']['id'], 'namesake_official_id': pid(P['m18d_off']),
                      'violation_time': '2023-05-06 19:50'},
  '近似：酒驾者与交通局干部同名，但身份证号不同，为群众、农民')
# --- M21
T('M21', 'alert', {'person_id': pid(P['m21a']), 'unit_codes': ['106001', '205001']},
  '农业农村局在编干部2023-07起同时由回龙镇政府发放月工资(双重领薪12个月)')
T('M21', 'alert', {'person_id': pid(P['m21b']), 'unit_codes': ['107001'], 'death_date': '2023-11-02'},
  '民政局干部2023-11-02死亡(火化、户籍注销)，工资与社保缴费仍发放/缴纳至2024-06')
_yb = [o for o in officials if 'planted' not in o['p']['hh']['flags'] and o['posts'][-1]['unit']['name'] == '营山县统计局'][0]
T('M21', 'no_alert', {'person_id': pid(_yb), 'unit_codes': [_yb['posts'][-1]['unit']['fcode']], 'month': '202312'},
  '近似：2023-12同一单位两行(月工资+年终一次性奖励)，不是两处领薪(全员如此，仅举一例)')
T('M21', 'no_alert', {'person_id': pid(P['m21d']), 'unit_codes': ['105001', '202001']},
  '近似：2023-09-01由水务局调城南镇，工资8月止、9月起，无重叠月份')
# --- M22
T('M22', 'alert', {'person_id': pid(P['m22a']), 'sanction_date': '2023-03-15', 'promotion_date': '2023-09-01'},
  '党内警告(2023-03-15)影响期12个月内，2023-09-01由一级科员晋升四级主任科员')
T('M22', 'alert', {'person_id': pid(P['m22b']), 'sanction_date': '2022-11-10', 'promotion_date': '2023-04-01'},
  '政务记过(2022-11-10)处分期内，2023-04-01晋升三级主任科员')
T('M22', 'no_alert', {'person_id': pid(P['m22n']), 'sanction_date': '2021-03-10', 'promotion_date': '2022-08-01'},
  '近似：党内警告2021-03-10，晋升2022-08-01已过12个月影响期')
# --- bidding
for key, model, why in (
        ('m25a', 'M25', '同一标段两家投标人上传终端MAC与投标文件制作机器码相同'),
        ('m25b', 'M25', '同一标段三家投标人投标文件制作机器码与CA锁序列号相同'),
        ('m26a', 'M26', '同一标段第二家投标人的保证金由第一家投标人的基本户转出'),
        ('m26b', 'M26', '同一标段两家投标人的保证金来自同一个人账户'),
        ('m27a', 'M27', '同一标段两家投标人填报的联系电话相同'),
        ('m27b', 'M27', '同一标段两家投标人填报的联系电话相同(联系人姓名不同)'),
        ('m28a', 'M28', '同一标段两家投标人法定代表人为同一人(同一身份证号)'),
        ('m28b', 'M28', '同一标段母公司(持股60%)与子公司同时投标'),
        ('m29a', 'M29', '同一标段两家投标报价完全相同(1286540.00元)'),
        ('m29b', 'M29', '同一标段两家投标报价完全相同(3415200.00元)')):
    l = LOT[key]
    T(model, 'alert', {'project_code': l['pr']['code'], 'lot_code': l['code'], 'credit_codes': codes(l['pair'])}, why)
l = LOT['m25n']
T('M25', 'no_alert', {'project_code': l['pr']['code'], 'lot_code': l['code'], 'credit_codes': codes(l['pair'])},
  '近似：两家仅上传IP/MAC相同，为交易中心公共投标终端(10.51.13.21)，机器码与CA锁不同')
l1, l2, c1, c2, ga = LOT['m26n']
T('M26', 'no_alert', {'project_code': l1['pr']['code'], 'lot_codes': [l1['code'], l2['code']], 'credit_codes': [c1['uscc'], c2['uscc']]},
  '近似：同一担保公司账户代缴保证金，但两家投的是同一项目的不同标段')
l = LOT['m27n']
T('M27', 'no_alert', {'project_code': l['pr']['code'], 'lot_code': l['code'], 'credit_codes': codes(l['pair'])},
  '近似：两家企业登记联系电话同为代理记账公司号码(8家企业共用)，投标填报电话不同')
l1, l2, h1, h2 = LOT['m28n']
T('M28', 'no_alert', {'project_code': l1['pr']['code'], 'lot_codes': [l1['code'], l2['code']], 'credit_codes': [h1['uscc'], h2['uscc']]},
  '近似：同一集团两家全资子公司分别投同一项目的不同标段(允许)')
for key in ('m32a', 'm32b'):
    l = LOT[key]
    c = l['co']
    T('M32', 'alert', {'credit_code': c['uscc'], 'project_code': l['pr']['code'], 'lot_code': l['code']},
      f"成立于{c['est']}，{(l['pr']['open'] - c['est']).days}天后以{l['winner']['price'] / 10000:.2f}万元中标，年报参保{c['ins']}人")
l = LOT['m32n']
T('M32', 'no_alert', {'credit_code': l['co']['uscc'], 'project_code': l['pr']['code'], 'lot_code': l['code']},
  '近似：新成立公司(约6个月)但成交额38.16万元<100万元，参保12人')
for key, why in (('m43a', '公开招标仅1家递交投标文件即确定中标'), ('m43b', '公开招标工程仅1家投标即中标')):
    l = LOT[key]
    T('M43', 'alert', {'project_code': l['pr']['code'], 'lot_code': l['code'], 'credit_codes': codes([l['winner']['c_']])}, why)
l = LOT['m43n1']
T('M43', 'no_alert', {'project_code': l['pr']['code'], 'lot_code': l['code']}, '近似：单一来源采购，本就只有一家')
l = LOT['m43n2']
T('M43', 'no_alert', {'project_code': l['pr']['code'], 'lot_code': l['code']}, '近似：公开招标仅1家投标，依法流标未授标')
for key, why in (('m45a', '最低价法下最低报价因“未加盖单位公章”被否决，次低价中标'),
                 ('m45b', '最低报价因项目负责人资格被否决，第三低价中标')):
    l = LOT[key]
    T('M45', 'alert', {'project_code': l['pr']['code'], 'lot_code': l['code'], 'lowest_bidder': l['low']['uscc'],
                       'winner': l['winner']['c_']['uscc']}, why)
l = LOT['m45n']
T('M45', 'no_alert', {'project_code': l['pr']['code'], 'lot_code': l['code'], 'lowest_bidder': l['low']['uscc']},
  '近似：综合评分法下最低价有效但得分第二，未被否决')

with open(os.path.join(BASE, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)


# ============================================================================
# 15. self-checks
# ============================================================================
def _walk(o):
    if isinstance(o, dict):
        for v in o.values():
            yield from _walk(v)
    elif isinstance(o, list):
        for v in o:
            yield from _walk(v)
    elif isinstance(o, str):
        yield o


for e in truth:
    for s_ in _walk(e['keys']):
        if len(s_) == 18 and s_[:6].isdigit() and s_[6:8] in ('19', '20'):
            assert id_valid(s_), (e['model'], s_)
        elif len(s_) == 18 and s_[:2] in ('91', '92', '11', '12'):
            assert uscc_valid(s_), (e['model'], s_)
for c in companies:
    assert uscc_valid(c['uscc'])
for p in people:
    assert id_valid(p['id'])
    if p['death']:
        assert p['death'] > p['birth'] and p['death'] <= SNAP
for o in officials:
    for pp in o['posts']:
        assert pp['end'] is None or pp['end'] >= pp['start'], o['p']['name']
        assert pp['start'] >= o['p']['birth'] + timedelta(days=365 * 18)
for l in [l for pr in projects for l in pr['lots']]:
    if l['winner'] and l['pr']['evalm'] in ('经评审的最低投标价法', '最低评标价法'):
        assert l['winner'] is sorted([b for b in l['bids'] if not b['reason']], key=lambda b: b['price'])[0]

_m29 = {id(LOT['m29a']), id(LOT['m29b'])}
for pr_ in projects:
    for l_ in pr_['lots']:
        if id(l_) not in _m29:
            assert len({b['price'] for b in l_['bids']}) == len(l_['bids']), l_['code']
for mrec in marriages:
    assert mrec['when'] >= mrec['h']['birth'] + timedelta(days=int(365.25 * 22)), mrec
    assert mrec['when'] >= mrec['w']['birth'] + timedelta(days=int(365.25 * 20)), mrec


if __name__ == '__main__':
    from collections import Counter
    print(f"persons {len(people)} (in 户籍 {sum(len(h['members']) for h in households)}), households {len(households)}, "
          f"officials {len(officials)}, village cadres {len(village_cadres)}, companies {len(companies)}, "
          f"projects {len(projects)}, lots {sum(len(p['lots']) for p in projects)}")
    for name, n, enc, delim in MANIFEST:
        print(f"  {name:60s} {n:7d} rows  {enc:18s} {delim}")
    cnt = Counter((e['model'], e['expected']) for e in truth)
    print('truth:', ', '.join(f"{m} {cnt[(m, 'alert')]}+{cnt[(m, 'no_alert')]}" for m in sorted({e['model'] for e in truth})))
