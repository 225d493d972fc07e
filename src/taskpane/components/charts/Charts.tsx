/**
 * The result charts, loaded lazily (React.lazy) after the first run: the fan chart of the region or a
 * main platform, chosen here, the per-mu bars of the main platforms, the first year each check is met
 * and the probability of each evaluation class (both from the Monte Carlo, absent without it).
 */
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { SimulationResult } from "../../../../models/results.js";
import type { Lang, Translate } from "../../../i18n/index.js";
import { classOddsView, fanSeries, fanSubjects, perMuBars } from "../../hooks/resultView.js";
import { ClassOddsChart } from "./ClassOddsChart.js";
import { ClassOddsTable } from "./ClassOddsTable.js";
import { FanChart } from "./FanChart.js";
import { FirstYearPanel } from "./FirstYearPanel.js";
import { PerMuBars } from "./PerMuBars.js";

export interface ChartsProps {
  result: SimulationResult;
  lang: Lang;
  t: Translate;
}

export default function Charts({ result, lang, t }: ChartsProps) {
  const subjects = fanSubjects(result);
  const [chosen, setChosen] = useState(subjects[0]?.name ?? "");
  const subject = subjects.some((s) => s.name === chosen) ? chosen : (subjects[0]?.name ?? "");
  const label = (name: string, kind: string) => (kind === "region" ? t("chart.region") : name);
  const bars = perMuBars(result);
  const shown = subjects.find((s) => s.name === subject);
  const shownName = shown ? label(shown.name, shown.kind) : subject;
  const scenario = result.scenario.name ?? "parkplan";
  const odds = classOddsView(result);
  return (
    <>
      <Field label={t("chart.subject")}>
        <Select id="pp-fan-subject" value={subject} onChange={(_, d) => setChosen(d.value)}>
          {subjects.map((s) => (
            <option key={s.name} value={s.name}>
              {label(s.name, s.kind)}
            </option>
          ))}
        </Select>
      </Field>
      <FanChart
        points={fanSeries(result, subject)}
        title={t("chart.fanTitle", { subject: shownName })}
        legendLine={t("chart.legendLine")}
        legendBand={t("chart.legendBand")}
        fileBase={`${scenario}-output-${shownName}`}
        t={t}
      />
      <PerMuBars
        bars={bars.bars}
        title={t("chart.barsTitle", { year: bars.year })}
        fileBase={`${scenario}-per-mu-${bars.year}`}
        lang={lang}
        t={t}
      />
      <FirstYearPanel targets={result.targets} baseYear={result.baseYear} fileBase={`${scenario}-first-year`} lang={lang} t={t} />
      {odds && <ClassOddsTable view={odds} lang={lang} t={t} />}
      {odds && <ClassOddsChart view={odds} fileBase={`${scenario}-classes-${odds.year}`} lang={lang} t={t} />}
    </>
  );
}
