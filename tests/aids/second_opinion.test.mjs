// Second opinion on the aids engine: a few hundred generated apprenticeship situations go through
// `maplace simulate` (one process) and through the URSSAF rules (npm modele-social, pinned, run by
// ../shared/reference/modele-social/eval.mjs). For the minimum pay and the State hiring aid, each
// side is checked against what ../shared/reference/rules.md says it must give: the law (§a, §b)
// for maplace, and the law bent by the documented faults of modele-social (§2 "Where modele-social
// is wrong") for modele-social. Expected values are written here from rules.md, never read back
// from either engine.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = path.resolve(repoRoot, '..', 'shared');
const EVAL_MJS = path.join(SHARED, 'reference', 'modele-social', 'eval.mjs');
const SIMULATE_TIMEOUT = 300_000; // every situation in one process, under the sanitizers
const LAST_DAY = '2026-11-30'; // rules.md was written in 2026-11: nothing is simulated later

function maplaceBinary() {
  if (process.env.MAPLACE_BIN) return path.resolve(repoRoot, process.env.MAPLACE_BIN);
  const candidates = ['build/asan/src/app/maplace', 'build/dev/src/app/maplace']
    .map((bin) => path.join(repoRoot, bin));
  return candidates.find((bin) => fs.existsSync(bin)) ?? candidates[0];
}

// ---------------------------------------------------------------------------------------------
// Calendar dates as ISO strings, computed in UTC.

const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
const toIso = (date) => date.toISOString().slice(0, 10);
const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1–12

function addDays(iso, days) {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

// Same day of the month, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
function addMonths(iso, months) {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const addYears = (iso, years) => addMonths(iso, 12 * years);
const firstOfMonth = (iso) => `${iso.slice(0, 7)}-01`;
const daysBetween = (from, to) => Math.round((toDate(to) - toDate(from)) / 86_400_000);

function ageOn(birth, iso) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = iso.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// What rules.md §a says the minimum pay is.

// §a.2: SMIC by date, hourly, in cents: mainland and every DROM but Mayotte, then Mayotte.
const SMIC = [
  { from: '2023-01-01', hourly: 1127, mayotte: 851 },
  { from: '2023-05-01', hourly: 1152, mayotte: 870 },
  { from: '2024-01-01', hourly: 1165, mayotte: 880 },
  { from: '2024-11-01', hourly: 1188, mayotte: 898 },
  { from: '2026-01-01', hourly: 1202, mayotte: 933 },
  { from: '2026-06-01', hourly: 1231, mayotte: 956 }, // ⚠ in rules.md: no decree seen
];
const SMIC_CHANGES = SMIC.slice(1).map((row) => row.from);

function smicHourlyCents(territory, iso) {
  const row = SMIC.filter((r) => r.from <= iso).at(-1);
  if (!row) throw new Error(`no SMIC before ${SMIC[0].from}: ${iso}`);
  return territory === '976' ? row.mayotte : row.hourly;
}

// round-half-up(numerator / denominator) for non-negative integers, exactly.
const divRound = (numerator, denominator) => Math.floor((2 * numerator + denominator) / (2 * denominator));

// §a: full time is 35 h × 52 / 12 a month, the monthly SMIC is rounded to the cent.
const smicMonthlyCents = (hourlyCents) => divRound(hourlyCents * 35 * 52, 12);

// §a.1, D6222-26: percent of the SMIC by age band and contract year.
const BANDS = [
  { name: '16–17', minAge: 0, percents: [27, 39, 55] },
  { name: '18–20', minAge: 18, percents: [43, 51, 67] },
  { name: '21–25', minAge: 21, percents: [53, 61, 78] },
  { name: '26+', minAge: 26, percents: [100, 100, 100] },
];
const THRESHOLDS = [18, 21, 26];
const bandIndex = (age) => BANDS.findLastIndex((band) => age >= band.minAge);

// D6222-31: the higher band applies from the 1st day of the month after the 18th, 21st or 26th
// birthday, so the band of a day is the band of the age reached on the last day of the month
// before. Situations where such a birthday falls in the contract's first month are not generated
// (is the age at conclusion meant, or this rule?).
const bandAge = (birth, iso) => ageOn(birth, addDays(firstOfMonth(iso), -1));

// Contract year = year of execution, from the start's anniversaries (§a.1).
function contractYear(start, iso) {
  let year = 1;
  while (addYears(start, year) <= iso) year += 1;
  return year;
}

const minimumPayCents = (smicMonthly, percent) => divRound(smicMonthly * percent, 100);

// ---------------------------------------------------------------------------------------------
// What rules.md §b says the State hiring aid is, in euros for the first contract year.

const isDrom = (territory) => territory !== 'hexagone';

function lawPeriod(concluded) {
  if (concluded < '2023-01-01') throw new Error(`no rule before 2023: ${concluded}`);
  if (concluded <= '2024-12-31') return '2023-2024';
  if (concluded <= '2025-02-23') return '2025-01-01..02-23';
  if (concluded <= '2025-12-31') return '2025-02-24..12-31';
  if (concluded <= '2026-03-07') return '2026-01-01..03-07';
  return 'from 2026-03-08';
}

function lawStateAid(s) {
  const level = s.contract.certification_level;
  const small = s.employer.headcount < 250;
  const commits = s.employer.commits_to_alternance_quota;
  const rqth = s.apprentice.rqth;
  // The aide unique: < 250 employees, up to level 4, up to level 5 overseas (L6243-1, D6243-2).
  const aideUnique = small && level <= (isDrom(s.territory) ? 5 : 4);
  const period = lawPeriod(s.contract.concluded_on);
  const give = (euros, why) => ({ euros, rule: `§b, concluded ${period}: ${why}` });
  if (level > 7) return give(0, 'level 8 is excluded');
  switch (period) {
    case '2023-2024':
      if (small) return give(6000, '6 000 € below 250 employees, levels ≤ 7');
      return commits ? give(6000, '6 000 € from 250 employees with the quota commitment')
                     : give(0, 'from 250 employees, nothing without the quota commitment');
    case '2025-01-01..02-23':
      return aideUnique ? give(6000, 'aide unique only, 6 000 €')
                        : give(0, 'aide unique only (< 250, level ≤ 4, ≤ 5 overseas), else 0');
    case '2025-02-24..12-31':
      if (rqth) return give(6000, '6 000 € for an RQTH apprentice');
      if (small) return give(5000, '5 000 € below 250 employees');
      return commits ? give(2000, '2 000 € from 250 employees with the quota commitment')
                     : give(0, 'from 250 employees, nothing without the quota commitment');
    case '2026-01-01..03-07':
      if (!aideUnique) return give(0, 'aide unique only (< 250, level ≤ 4, ≤ 5 overseas), else 0');
      return rqth ? give(6000, 'aide unique, 6 000 € for an RQTH apprentice')
                  : give(5000, 'aide unique, 5 000 €');
    default: // décret 2026-168
      if (rqth) return give(6000, '6 000 € for an RQTH apprentice');
      if (small) {
        if (level <= 4) return give(5000, 'levels 3–4, aide unique 5 000 €');
        if (level === 5 && isDrom(s.territory)) {
          return give(5000, 'level 5 overseas: the aide unique (5 000 €) prevails (inference ⚠)');
        }
        return level === 5 ? give(4500, 'level 5, 4 500 €') : give(2000, 'levels 6–7, 2 000 €');
      }
      if (!commits) return give(0, 'from 250 employees, nothing without the quota commitment');
      if (level <= 4) return give(2000, '≥ 250 employees, levels ≤ 4, 2 000 €');
      return level === 5 ? give(1500, '≥ 250 employees, level 5, 1 500 €')
                         : give(750, '≥ 250 employees, levels 6–7, 750 €');
  }
}

// What modele-social gives, from rules.md §2: the aid keyed on the hire date (the contract's
// start, as eval.mjs's hireDate), 6 000 € for RQTH whatever the date, size or level, the
// 24 Feb–31 Dec 2025 scale, 5 000 € for every firm < 250 hired 1 Jan–7 Mar 2026 (divergence 2),
// and the 2026 decree scale everywhere else (divergence 1), with no DROM rule (divergence 3) and
// a ratio ≥ 5 % in place of the ≥ 250 commitment (divergence 5: we pass 5 % when we commit).
function modeleSocialStateAid(s, alternantRatio) {
  const level = s.contract.certification_level;
  const hired = s.contract.starts_on;
  const small = s.employer.headcount < 250;
  const ratioMet = alternantRatio >= 0.05;
  if (s.apprentice.rqth) return 6000;
  if (hired >= '2025-02-24' && hired <= '2025-12-31') return small ? 5000 : ratioMet ? 2000 : 0;
  if (hired >= '2026-01-01' && hired <= '2026-03-07' && small) return 5000;
  if (small) return level >= 6 ? 2000 : level === 5 ? 4500 : 5000;
  if (ratioMet) return level >= 6 ? 750 : level === 5 ? 1500 : 2000;
  return 0;
}

// Which documented divergence explains law ≠ modele-social, for the summary (null: none does).
function aidDivergence(s, law, ms) {
  if (law === ms) return null;
  const hiredPeriod = lawPeriod(s.contract.starts_on);
  if (hiredPeriod !== lawPeriod(s.contract.concluded_on)) {
    return 'concluded and started in different periods (modele-social keys on the hire date)';
  }
  switch (hiredPeriod) {
    case '2023-2024':
    case '2025-01-01..02-23':
      return 'divergence 1 (hires before 24 Feb 2025)';
    case '2026-01-01..03-07':
      return 'divergence 2 (1 Jan–7 Mar 2026)';
    case 'from 2026-03-08':
      if (isDrom(s.territory) && s.contract.certification_level === 5 && s.employer.headcount < 250) {
        return 'divergence 3 (DROM level 5)';
      }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The situations: deterministic, from a seeded PRNG (mulberry32).

function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const AID_BOUNDARIES = [
  ['2024-12-31', '2025-01-01'],
  ['2025-02-23', '2025-02-24'],
  ['2025-12-31', '2026-01-01'],
  ['2026-03-07', '2026-03-08'],
];
const SMIC_BOUNDARIES = SMIC_CHANGES.flatMap((from) => [addDays(from, -1), from]);
const SMALL = [3, 8, 10, 11, 19, 49, 120, 249];
const LARGE = [250, 400, 2500];

function generate(seed = 20261107) {
  const rnd = prng(seed);
  const situations = [];
  const territory = () => {
    const x = rnd.next();
    return x < 0.1 ? '976' : x < 0.55 ? '972' : 'hexagone';
  };

  // A date in contract year `year` of a contract started on `start`, at least 5 days from any
  // anniversary (modele-social counts years as (days + 1) / 365), on or before LAST_DAY.
  const dateInYear = (start, year) => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const iso = addDays(addMonths(start, 12 * (year - 1) + rnd.int(0, 10)), rnd.int(5, 25));
      if (iso <= LAST_DAY && contractYear(start, iso) === year &&
          daysBetween(iso, addYears(start, year)) >= 5) return iso;
    }
    return null;
  };

  // A birth date such that the pay band on `date` is `band`, the apprentice is 16–29 at the
  // start, and no 18th/21st/26th birthday falls in the month of `date` (section 5 does that) or
  // of the start. Born on the 2nd–28th: no 29 February, no birthday on a 1st.
  const birthFor = (start, date, band) => {
    const ages = { 0: [16, 17], 1: [18, 20], 2: [21, 25], 3: [26, 31] }[band];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const age = rnd.int(ages[0], ages[1]);
      const birth = addDays(addYears(date, -age), -rnd.int(0, 364)).slice(0, 8) +
        String(rnd.int(2, 28)).padStart(2, '0');
      if (bandIndex(bandAge(birth, date)) !== band) continue;
      const startAge = ageOn(birth, start);
      if (startAge < 16 || startAge > 29) continue;
      const birthdays = THRESHOLDS.map((t) => addYears(birth, t).slice(0, 7));
      if (birthdays.includes(start.slice(0, 7)) || birthdays.includes(date.slice(0, 7))) continue;
      return birth;
    }
    return null;
  };

  const employer = (sizeClass) => {
    if (sizeClass === 'small') return { headcount: rnd.pick(SMALL), commits_to_alternance_quota: false };
    return { headcount: rnd.pick(LARGE), commits_to_alternance_quota: sizeClass === 'large-commits' };
  };

  const add = (tag, { concluded, start, date, band, level, sizeClass, rqth, where, birth }) => {
    if (!date || concluded < '2023-01-01' || date > LAST_DAY) return false;
    const year = contractYear(start, date);
    birth ??= birthFor(start, date, band);
    if (!birth) return false;
    const emp = employer(sizeClass);
    // RQTH from 250 employees without the commitment: rules.md reads both ways ("whatever the
    // size" vs the commitment condition of every period): not generated.
    if (!emp.commits_to_alternance_quota && emp.headcount >= 250) rqth = false;
    const years = Math.max(year, rnd.int(1, 3));
    situations.push({
      id: `${tag}-${situations.length + 1}`,
      date,
      territory: where ?? territory(),
      contract: {
        kind: 'apprentissage',
        concluded_on: concluded,
        starts_on: start,
        ends_on: addDays(addYears(start, years), -1),
        certification_level: level,
      },
      apprentice: { birth_date: birth, rqth },
      employer: emp,
    });
    return true;
  };

  const sizeClasses = ['small', 'large-commits', 'large-no-commitment'];
  // Contract year 1 half of the time, else any year that ends up no later than LAST_DAY.
  const feasibleYear = (start) => {
    const years = [1, 2, 3].filter((y) => addYears(start, y - 1) <= addMonths(LAST_DAY, -1));
    return rnd.next() < 0.5 ? 1 : rnd.pick(years);
  };

  // Tries a few random draws until one gives a valid situation.
  const addOne = (tag, draw) => {
    for (let attempt = 0; attempt < 10; attempt += 1) if (add(tag, draw())) return;
  };

  // 1. Contracts concluded and started on each side of every State-aid period boundary,
  //    for every level and size class.
  for (const day of AID_BOUNDARIES.flat()) {
    for (let level = 3; level <= 7; level += 1) {
      for (const sizeClass of sizeClasses) {
        const rqth = rnd.next() < 0.25;
        addOne('aid-boundary', () => ({
          concluded: day, start: day, date: dateInYear(day, feasibleYear(day)), band: rnd.int(0, 3),
          level, sizeClass, rqth,
        }));
      }
    }
  }

  // 2. Concluded on the last day of a period, started in the next one.
  for (const [last, first] of AID_BOUNDARIES) {
    for (let i = 0; i < 6; i += 1) {
      const start = addDays(first, rnd.int(0, 30));
      const [level, sizeClass, rqth] = [rnd.int(3, 7), rnd.pick(sizeClasses), rnd.next() < 0.2];
      addOne('concluded-before-boundary', () => ({
        concluded: addDays(last, -rnd.int(0, 3)), start, date: dateInYear(start, 1),
        band: rnd.int(0, 3), level, sizeClass, rqth,
      }));
    }
  }

  // 3. Simulated on each side of every SMIC change, in contract years 1–3, in every age band.
  for (const date of SMIC_BOUNDARIES) {
    for (let year = 1; year <= 3; year += 1) {
      for (let band = 0; band <= 3; band += 1) {
        for (let attempt = 0; attempt < 10; attempt += 1) {
          const start = addDays(addMonths(date, -(12 * (year - 1) + rnd.int(0, 10))), -rnd.int(5, 25));
          if (start < '2023-01-01' || contractYear(start, date) !== year) continue;
          if (daysBetween(date, addYears(start, year)) < 5) continue;
          if (add('smic-boundary', {
            concluded: addDays(start, -rnd.int(0, 15)), start, date, band, level: rnd.int(3, 7),
            sizeClass: rnd.pick(sizeClasses), rqth: rnd.next() < 0.15,
          })) break;
        }
      }
    }
  }

  // 4. Contracts starting on each side of every SMIC change.
  for (const start of SMIC_BOUNDARIES) {
    for (let i = 0; i < 3; i += 1) {
      addOne('start-on-smic-boundary', () => ({
        concluded: start, start,
        date: i === 0 ? addDays(start, rnd.int(0, 20)) : dateInYear(start, feasibleYear(start)),
        band: rnd.int(0, 3), level: rnd.int(3, 7), sizeClass: rnd.pick(sizeClasses), rqth: rnd.next() < 0.2,
      }));
    }
  }

  // 5. An 18th, 21st or 26th birthday earlier in the simulated month: still the lower band.
  for (let i = 0; i < 18; i += 1) {
    const date = `${rnd.int(2023, 2026)}-${String(rnd.int(1, 11)).padStart(2, '0')}-${rnd.int(25, 28)}`;
    const threshold = rnd.pick(THRESHOLDS);
    const birthday = addYears(date, -threshold); // the same month, threshold years earlier
    const birth = `${birthday.slice(0, 8)}${String(rnd.int(2, 24)).padStart(2, '0')}`;
    const year = rnd.int(1, 2);
    const start = addDays(addMonths(date, -(12 * (year - 1) + rnd.int(1, 10))), -rnd.int(5, 20));
    const startAge = ageOn(birth, start);
    if (start < '2023-01-01' || startAge < 16 || startAge > 29) continue;
    if (contractYear(start, date) !== year || daysBetween(date, addYears(start, year)) < 5) continue;
    add('birthday-this-month', {
      concluded: start, start, date, birth, level: rnd.int(3, 7), sizeClass: rnd.pick(sizeClasses),
      rqth: rnd.next() < 0.15,
    });
  }

  // 6. Anything, anywhere in 2023-01 … 2026-11.
  for (let i = 0; i < 70; i += 1) {
    const start = addDays('2023-01-10', rnd.int(0, daysBetween('2023-01-10', '2026-11-10')));
    const concluded = addDays(start, -rnd.int(0, 20));
    addOne('random', () => ({
      concluded, start, date: dateInYear(start, feasibleYear(start)), band: rnd.int(0, 3),
      level: rnd.int(3, 7), sizeClass: rnd.pick(sizeClasses), rqth: rnd.next() < 0.2,
    }));
  }
  // 7. Concluded under décret 2026-168, where modele-social is right but for the DROM level 5.
  for (let i = 0; i < 24; i += 1) {
    const start = addDays('2026-03-08', rnd.int(0, daysBetween('2026-03-08', '2026-11-10')));
    const levelFive = i < 8; // below 250 employees, mostly overseas
    const level = levelFive ? 5 : rnd.int(3, 7);
    const sizeClass = levelFive ? 'small' : rnd.pick(sizeClasses);
    const where = levelFive ? rnd.pick(['972', '972', '976', 'hexagone']) : undefined;
    addOne('decree-2026-168', () => ({
      concluded: start, start, date: dateInYear(start, 1), band: rnd.int(0, 3), level, sizeClass,
      rqth: !levelFive && rnd.next() < 0.2, where,
    }));
  }
  return situations;
}

// What rules.md says each side gives for a situation.
function expectations(s) {
  const smicHourly = smicHourlyCents(s.territory, s.date);
  const smicMonthly = smicMonthlyCents(smicHourly);
  const age = bandAge(s.apprentice.birth_date, s.date);
  const band = BANDS[bandIndex(age)];
  const year = contractYear(s.contract.starts_on, s.date);
  const percent = band.percents[Math.min(year, 3) - 1];
  const minimum = minimumPayCents(smicMonthly, percent);
  const alternantRatio = s.employer.commits_to_alternance_quota ? 0.05 : 0;
  const aid = lawStateAid(s);
  const msAid = modeleSocialStateAid(s, alternantRatio);
  return {
    age, band: band.name, year, percent, smicHourly, smicMonthly, minimum, alternantRatio,
    aid, msAid, msMinimumEuros: Math.round(minimum / 100), // §2.7: rounded to the euro, half up
  };
}

const DEPARTMENT = { '972': 'Martinique', hexagone: null, '976': 'Mayotte' };

// ---------------------------------------------------------------------------------------------

let tmpDir;

// Every situation through `maplace simulate`, in one process.
function runMaplace(situations) {
  const bin = maplaceBinary();
  assert.ok(fs.existsSync(bin), `maplace binary not found: ${bin} (set MAPLACE_BIN)`);
  const run = spawnSync(bin, ['simulate'], {
    input: JSON.stringify(situations.map(({ id, ...situation }) => situation)),
    encoding: 'utf8', maxBuffer: 1 << 30, timeout: SIMULATE_TIMEOUT,
  });
  assert.equal(run.status, 0, `maplace simulate exited with ${run.status ?? run.signal}:\n${run.stderr}`);
  const evaluations = JSON.parse(run.stdout);
  assert.equal(evaluations.length, situations.length, 'one evaluation per situation');
  return evaluations;
}

// Every situation through modele-social, with one engine, evaluating only the rules compared.
// eval.mjs imports bare 'publicodes' and 'modele-social': a copy runs beside our node_modules.
async function runModeleSocial(situations) {
  assert.ok(fs.existsSync(EVAL_MJS), `modele-social oracle not found: ${EVAL_MJS}`);
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maplace-second-opinion-'));
  fs.copyFileSync(EVAL_MJS, path.join(tmpDir, 'eval.mjs'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tmpDir, 'node_modules'), 'dir');
  const oracle = await import(pathToFileURL(path.join(tmpDir, 'eval.mjs')).href);
  const engine = oracle.makeEngine();
  return situations.map((s) => {
    const expected = expectations(s);
    const { sit } = oracle.toPublicodesSituation({
      contract: 'apprentissage', date: s.date, hireDate: s.contract.starts_on, age: expected.age,
      companySize: s.employer.headcount, alternantRatio: expected.alternantRatio,
      diplomaLevel: s.contract.certification_level, rqth: s.apprentice.rqth,
      department: DEPARTMENT[s.territory],
    });
    engine.setSituation(sit);
    const value = (rule) => engine.evaluate(rule).nodeValue;
    return {
      smicHourly: value('SMIC . horaire'),
      minimum: value('salarié . contrat . apprentissage . rémunération minimale'),
      aid: value('salarié . coût total employeur . aides . embauche . apprentissage') ?? 0,
    };
  });
}

after(() => {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

test('the expected minimum pay reproduces the table of rules.md §a.2 (35 h, to the cent)', () => {
  // From: <18 y1/y2/y3, 18–20 y1/y2/y3, 21–25 y1/y2/y3, 26+ (€).
  const TABLE = {
    '2023-01-01': '461.51 666.62 940.10 734.99 871.73 1145.22 905.92 1042.66 1333.24 1709.28',
    '2023-05-01': '471.74 681.41 960.96 751.30 891.07 1170.62 926.02 1065.79 1362.82 1747.20',
    '2024-01-01': '477.07 689.10 971.81 759.78 901.13 1183.84 936.47 1077.82 1378.20 1766.92',
    '2024-11-01': '486.49 702.70 990.99 774.77 918.92 1207.21 954.95 1099.10 1405.40 1801.80',
    '2026-01-01': '492.22 710.98 1002.67 783.90 929.75 1221.43 966.21 1112.05 1421.96 1823.03',
    '2026-06-01': '504.10 728.14 1026.86 802.82 952.18 1250.90 989.52 1138.88 1456.28 1867.02',
  };
  for (const [from, row] of Object.entries(TABLE)) {
    const smic = smicMonthlyCents(smicHourlyCents('972', from));
    const percents = [...BANDS.slice(0, 3).flatMap((band) => band.percents), 100];
    const computed = percents.map((percent) => (minimumPayCents(smic, percent) / 100).toFixed(2));
    assert.deepEqual(computed, row.split(' '), `rules.md §a.2, from ${from}`);
  }
});

// The State hiring aid of an evaluation, or what the report shows of it.
const stateAid = (evaluation) => evaluation?.aids?.find((aid) => aid.id === 'state-hiring-aid');
const DIVERGENCE_7_DOWN = 'divergence 7: rounded down to the euro, below the legal minimum';
const DIVERGENCE_7_UP = 'divergence 7: rounded up to the euro';
const DIVERGENCE_5 = 'equal, with the ≥ 250 commitment passed as a 5 % ratio (divergence 5)';

// What maplace and modele-social give for one situation, against what rules.md says: a list of
// complaints, empty when both are right.
function check(s, e, mine, ms) {
  const complaints = [];
  const expect = (what, got, expected, rule) => {
    if (got !== expected) complaints.push({ what, got, expected, rule });
  };

  if (mine?.error) {
    expect('maplace', mine.error, 'an evaluation', 'docs/simulate.md');
  } else {
    // Minimum pay: the law, to the cent.
    expect('maplace smic_hourly_cents', mine.smic_hourly_cents, e.smicHourly,
           '§a.2: SMIC by date and territory');
    expect('maplace smic_monthly_cents', mine.smic_monthly_cents, e.smicMonthly,
           '§a.1: hourly × 35 × 52 / 12, to the cent');
    const why = `§a.1 D6222-26: ${e.percent} % of the SMIC (band ${e.band} under D6222-31, ` +
                `contract year ${e.year}), half up to the cent`;
    expect('maplace minimum_monthly_cents', mine.minimum_monthly_cents, e.minimum, why);
    const period = (mine.pay ?? []).find((p) => p.from <= s.date && s.date <= p.to);
    expect('maplace pay period of the date: contract_year', period?.contract_year, e.year,
           '§a.1: the year of execution, from the anniversaries of the start');
    expect('maplace pay period of the date: percent', period?.percent, e.percent, why);

    // State hiring aid: the law, by conclusion date.
    const aid = stateAid(mine);
    expect('maplace state-hiring-aid eligible', aid?.eligible ?? false, e.aid.euros > 0, e.aid.rule);
    if (e.aid.euros > 0) {
      expect('maplace state-hiring-aid amount_cents', aid?.amount_cents, e.aid.euros * 100, e.aid.rule);
      expect('maplace state-hiring-aid period', aid?.period, 'monthly-first-year',
             '§b: paid monthly, for the first year only');
      expect('maplace state-hiring-aid total_cents', aid?.total_cents, e.aid.euros * 100,
             '§b: the whole amount, for a contract of a year or more');
    } else {
      expect('maplace state-hiring-aid total_cents', aid?.total_cents ?? 0, 0, e.aid.rule);
    }
  }

  // modele-social: its SMIC, its euro rounding, its aid scale.
  expect('modele-social SMIC . horaire (cents)', Math.round(ms.smicHourly * 100), e.smicHourly, '§a.2');
  expect('modele-social rémunération minimale (€)', ms.minimum, e.msMinimumEuros,
         '§2.7: the legal minimum rounded to the euro (half up)');
  expect('modele-social aides . embauche . apprentissage (€/an)', ms.aid, e.msAid,
         '§2: modele-social\'s scale, keyed on the hire date (divergences 1, 2, 3, 5)');
  if (e.aid.euros !== e.msAid && !aidDivergence(s, e.aid.euros, e.msAid)) {
    expect('law vs modele-social', `${e.aid.euros} € vs ${e.msAid} €`, 'a documented divergence', '§2');
  }
  return complaints;
}

// What a failure report shows of maplace's evaluation.
function excerpt(mine) {
  if (!mine || mine.error) return mine;
  const aid = stateAid(mine);
  return {
    smic_hourly_cents: mine.smic_hourly_cents,
    smic_monthly_cents: mine.smic_monthly_cents,
    minimum_monthly_cents: mine.minimum_monthly_cents,
    pay: mine.pay?.map(({ from, to, contract_year, age, percent, minimum_monthly_cents }) =>
      ({ from, to, contract_year, age, percent, minimum_monthly_cents })),
    'state-hiring-aid': aid && {
      eligible: aid.eligible, amount_cents: aid.amount_cents, period: aid.period,
      total_cents: aid.total_cents,
    },
  };
}

test('maplace gives the law, modele-social the law but for its documented divergences', async () => {
  const situations = generate();
  let started = performance.now();
  const ours = runMaplace(situations);
  const maplaceMillis = performance.now() - started;
  started = performance.now();
  const modeleSocial = await runModeleSocial(situations);
  const msMillis = performance.now() - started;

  const problems = [];
  const payKinds = { 'equal (a whole euro)': 0, [DIVERGENCE_7_DOWN]: 0, [DIVERGENCE_7_UP]: 0 };
  const aidKinds = {};
  const count = (kinds, kind) => { kinds[kind] = (kinds[kind] ?? 0) + 1; };
  let laterYearsWithAid = 0;

  situations.forEach((s, i) => {
    const e = expectations(s);
    const complaints = check(s, e, ours[i], modeleSocial[i]);
    if (complaints.length) {
      const { msMinimumEuros, ...expected } = e;
      problems.push({ situation: s, expected, maplace: excerpt(ours[i]), modeleSocial: modeleSocial[i],
                      complaints });
    }

    if (e.minimum % 100 === 0) count(payKinds, 'equal (a whole euro)');
    else count(payKinds, e.msMinimumEuros * 100 < e.minimum ? DIVERGENCE_7_DOWN : DIVERGENCE_7_UP);
    const divergence = aidDivergence(s, e.aid.euros, e.msAid);
    if (divergence) count(aidKinds, divergence);
    else if (s.employer.headcount < 250 || e.aid.euros === 0 || s.apprentice.rqth) count(aidKinds, 'equal');
    else count(aidKinds, DIVERGENCE_5);
    if (e.year > 1 && e.msAid > 0) laterYearsWithAid += 1;
  });

  console.log([
    `second opinion: ${situations.length} situations; maplace ${Math.round(maplaceMillis)} ms, ` +
      `modele-social ${Math.round(msMillis)} ms (${(msMillis / situations.length).toFixed(1)} ms each)`,
    'minimum pay, modele-social against the law:',
    ...Object.entries(payKinds).map(([kind, n]) => `  ${n} ${kind}`),
    'State hiring aid, modele-social against the law:',
    ...Object.entries(aidKinds).sort().map(([kind, n]) => `  ${n} ${kind}`),
    `  (${laterYearsWithAid} simulated in contract year 2 or 3, where modele-social still gives ` +
      'the yearly aid: divergence 4; the first-year amounts are compared)',
    `${problems.length} situations disagree with rules.md`,
  ].join('\n'));

  assert.ok(situations.length >= 200, `at least 200 situations, got ${situations.length}`);
  const shown = problems.slice(0, 25).map((p) => JSON.stringify(p, null, 1)).join('\n\n');
  assert.equal(problems.length, 0, `${problems.length} of ${situations.length} situations disagree ` +
                                   `with rules.md (the first ${Math.min(25, problems.length)}):\n${shown}`);
});
