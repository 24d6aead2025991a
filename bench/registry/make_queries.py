#!/usr/bin/env python3
"""Writes bench/registry/queries.txt: 3,000 distinct public searches, most popular first.

The mix imitates what people type into a registry search box: a parameter (铅), an object and a
parameter (大米 铅), a standard code, a place name, some in Traditional characters, with and
without province/field/status filters, now and then page 2. Deterministic (seeded). The load
scripts pick line r with probability proportional to 1/r (Zipf, s=1), as search traffic goes.
"""
import csv, os, random

random.seed(20261127)
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, '../../app/src/main/resources/registry/demo/standards.csv'), encoding='utf-8')))
objects = sorted({o for r in rows for o in r['objects'].split(';') if o})
params = sorted({p for r in rows for p in r['parameters'].split(';') if p})
codes = [r['code'] for r in rows]
places = ['广州', '深圳', '苏州', '杭州', '成都', '武汉', '西安', '郑州', '济南', '南京', '长沙', '沈阳', '昆明', '福州', '合肥']
# a few Simplified -> Traditional pairs for characters common in the catalogue
trad = str.maketrans({'检': '檢', '测': '測', '质': '質', '铅': '鉛', '镉': '鎘', '汞': '汞', '饮': '飲', '环': '環',
                      '境': '境', '药': '藥', '残': '殘', '医': '醫', '疗': '療', '器': '器', '械': '械', '国': '國',
                      '业': '業', '产': '產', '农': '農', '总': '總', '氮': '氮', '类': '類', '属': '屬', '车': '車'})
provinces = ['44', '37', '32', '41', '33', '51', '13', '42', '43', '34', '11', '31']
fields = ['00', '01', '02', '05', '12', '13']

queries, seen = [], set()
def add(q):
    if q not in seen:
        seen.add(q)
        queries.append(q)

while len(queries) < 3000:
    kind = random.random()
    if kind < 0.30:
        q = 'q=' + random.choice(params)
    elif kind < 0.55:
        q = 'q=' + random.choice(objects) + ' ' + random.choice(params)
    elif kind < 0.65:
        q = 'q=' + random.choice(codes)
    elif kind < 0.72:
        q = 'q=' + random.choice(places) + ' ' + random.choice(['检测', '环境监测', '食品', '建设工程', '机动车'])
    elif kind < 0.80:
        q = ('q=' + random.choice(objects) + ' ' + random.choice(params)).translate(trad)
    elif kind < 0.88:
        q = 'q=&province=' + random.choice(provinces) + '&field=' + random.choice(fields)
    else:
        q = 'q=' + random.choice(params) + '&province=' + random.choice(provinces)
    if random.random() < 0.2:
        q += '&status=VALID'
    if random.random() < 0.1:
        q += '&page=1'
    add(q)

with open(os.path.join(here, 'queries.txt'), 'w', encoding='utf-8') as out:
    out.write('\n'.join(queries) + '\n')
print(len(queries), 'queries written')
