// The programme's results as one IATI 2.03 activity (`iati-activities`), built as an XML
// tree from the assessment: one `result` per results-framework node with indicators, one
// `indicator` per indicator, its baselines and its periods with targets and actuals, the
// headline's without a `dimension`, each breakdown's with one per disaggregation column.
// Children are in the order the XSD's sequences require; a `reference` is on the
// indicator only (rule 8.11.1); every value is a plain decimal (rules 8.8-8.10).
import type { ReportingFigure, ReportingWindow } from '../assess/reporting-periods.js';
import { exportMessages, type ExportMessages } from '../messages/export.js';
import type { Period } from '../periods/period.js';
import type { Indicator, Program } from '../spec/model.js';
import type { IatiSpec } from '../spec/schema.js';
import {
  ACTIVITY_DATE,
  ACTIVITY_STATUS,
  iatiAscending,
  iatiMeasure,
  iatiResultType,
  ORGANISATION_ROLE,
  OWN_VOCABULARY,
} from './iati-codes.js';
import { type AssessedSeries, iatiPeriods, periodNamed, targetWindows } from './iati-periods.js';
import { plainDecimal } from './plain-decimal.js';
import { element, type XmlElement } from '../report/xml-writer.js';

export interface IatiInput {
  program: Program;
  iati: IatiSpec;
  /** Every result of the assessment with its series, in the assessment's order. */
  assessed: readonly AssessedSeries[];
  reporting: readonly ReportingWindow[];
  asOf: Period;
  /** generated-datetime and last-updated-datetime (ISO, seconds, Z). */
  time: string;
}

export interface IatiDocument {
  root: XmlElement;
  results: number;
  indicators: number;
  /** Periods left out because they start and end on the same day (rule 8.6.1). */
  oneDayPeriods: { indicator: Indicator; period: string }[];
}

const narrative = (text: string) => element('narrative', {}, [text]);
const comment = (texts: readonly (string | undefined)[]) => {
  const kept = texts.filter((t): t is string => Boolean(t?.trim()));
  return kept.length ? element('comment', {}, [narrative(kept.join('; '))]) : undefined;
};
const dimensions = (dims: Record<string, string>) =>
  Object.keys(dims)
    .sort()
    .map((name) => element('dimension', { name, value: dims[name] }));

export function iatiDocument(input: IatiInput): IatiDocument {
  const { program, iati, asOf } = input;
  const m = exportMessages[program.locale];
  const byIndicator = new Map<string, AssessedSeries[]>();
  for (const a of input.assessed) {
    const list = byIndicator.get(a.result.indicator) ?? [];
    list.push(a);
    byIndicator.set(a.result.indicator, list);
  }
  const oneDayPeriods: IatiDocument['oneDayPeriods'] = [];
  const indicatorElement = (indicator: Indicator) =>
    indicatorXml(indicator, byIndicator.get(indicator.id) ?? [], input, m, (period) =>
      oneDayPeriods.push({ indicator, period }),
    );

  const resultIds = new Set(program.results.map((r) => r.id));
  const results: XmlElement[] = [];
  let indicators = 0;
  for (const r of program.results) {
    const own = program.indicators.filter((i) => i.result === r.id);
    if (!own.length) continue;
    indicators += own.length;
    results.push(resultXml(iatiResultType(r.level), r.statement, own.map(indicatorElement)));
  }
  const unlinked = program.indicators.filter((i) => i.result === undefined || !resultIds.has(i.result));
  if (unlinked.length) {
    indicators += unlinked.length;
    results.push(resultXml('9', m.unlinkedResult(), unlinked.map(indicatorElement)));
  }

  const participants = iati.participating_orgs ?? [{ ...iati.reporting_org, role: ORGANISATION_ROLE.implementing }];
  const ended = asOf.endYear > program.period.end.endYear + 1e-9;
  const activity = element('iati-activity', { 'last-updated-datetime': input.time, 'xml:lang': program.locale }, [
    element('iati-identifier', {}, [iati.identifier]),
    element('reporting-org', { ref: iati.reporting_org.ref, type: iati.reporting_org.type }, [
      narrative(iati.reporting_org.name),
    ]),
    element('title', {}, [narrative(program.name)]),
    element('description', { type: '1' }, [
      narrative(iati.description ?? m.activityDescription(program.name, results.length, indicators, asOf.id)),
    ]),
    ...participants.map((p) =>
      element('participating-org', { ref: p.ref, type: p.type, role: p.role }, [narrative(p.name)]),
    ),
    element('activity-status', { code: ended ? ACTIVITY_STATUS.finalisation : ACTIVITY_STATUS.implementation }),
    element('activity-date', { type: ACTIVITY_DATE.plannedStart, 'iso-date': program.period.start.start }),
    element('activity-date', { type: ACTIVITY_DATE.plannedEnd, 'iso-date': program.period.end.end }),
    ...results,
  ]);
  const root = element('iati-activities', { version: '2.03', 'generated-datetime': input.time }, [activity]);
  return { root, results: results.length, indicators, oneDayPeriods };
}

function resultXml(type: string, title: string, indicators: XmlElement[]): XmlElement {
  return element('result', { type }, [element('title', {}, [narrative(title)]), ...indicators]);
}

function indicatorXml(
  indicator: Indicator,
  subjects: readonly AssessedSeries[],
  input: IatiInput,
  m: ExportMessages,
  oneDay: (period: string) => void,
): XmlElement {
  const fys = input.program.fiscalYearStart;
  const baselines = subjects.flatMap(({ result, series }) => {
    const b = result.baseline;
    if (!b || !Number.isFinite(b.value)) return [];
    const p = periodNamed(b.period, indicator, series, fys);
    return [
      element('baseline', { year: p.end.slice(0, 4), 'iso-date': p.end, value: plainDecimal(b.value) }, [
        ...dimensions(result.disaggregation),
        comment([b.source ? m.source(b.source) : undefined]),
      ]),
    ];
  });
  const periods = iatiPeriods(
    indicator,
    subjects,
    input.reporting,
    { programStart: input.program.period.start, asOf: input.asOf },
    fys,
  ).flatMap(({ window, figures }) => {
    if (window.start >= window.end) {
      oneDay(window.id);
      return [];
    }
    const targets = figures.flatMap(({ subject, figure }) =>
      figure.target === null ? [] : [targetXml(subject, indicator, window, figure, m, fys)],
    );
    const actuals = figures.flatMap(({ subject, figure }) =>
      figure.actual === null ? [] : [actualXml(subject, window, figure, m, input)],
    );
    return [
      element('period', {}, [
        element('period-start', { 'iso-date': window.start }),
        element('period-end', { 'iso-date': window.end }),
        ...targets,
        ...actuals,
      ]),
    ];
  });
  return element('indicator', { measure: iatiMeasure(indicator.unit), ascending: iatiAscending(indicator.direction) }, [
    element('title', {}, [narrative(indicator.name)]),
    indicator.definition ? element('description', {}, [narrative(indicator.definition)]) : undefined,
    element('reference', { vocabulary: OWN_VOCABULARY, code: indicator.id }),
    ...baselines,
    ...periods,
  ]);
}

function targetXml(
  subject: AssessedSeries,
  indicator: Indicator,
  window: ReportingWindow,
  figure: ReportingFigure,
  m: ExportMessages,
  fiscalYearStart: number,
): XmlElement {
  const declared = targetWindows(subject, indicator, fiscalYearStart).find(
    ({ period }) => period.start === window.start && period.end === window.end,
  )?.target;
  return element('target', { value: plainDecimal(figure.target ?? Number.NaN) }, [
    ...dimensions(subject.result.disaggregation),
    comment([declared?.label, declared?.derivation ? m.derivation(declared.derivation) : undefined]),
  ]);
}

function actualXml(
  subject: AssessedSeries,
  window: ReportingWindow,
  figure: ReportingFigure,
  m: ExportMessages,
  input: IatiInput,
): XmlElement {
  return element('actual', { value: plainDecimal(figure.actual ?? Number.NaN) }, [
    ...dimensions(subject.result.disaggregation),
    comment([
      window.ended ? undefined : m.inProgress(input.asOf.id),
      figure.missing?.length ? m.incomplete(figure.missing) : undefined,
    ]),
  ]);
}
