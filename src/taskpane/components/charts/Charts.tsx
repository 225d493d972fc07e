/**
 * The result charts, loaded lazily (React.lazy) after the first run: the fan chart of the region or a
 * main platform, chosen here, and the per-mu bars of the main platforms.
 */
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { SimulationResult } from "../../../../models/results.js";
import type { Translate } from "../../../i18n/index.js";
import { fanSeries, fanSubjects, perMuBars } from "../../hooks/resultView.js";
import { FanChart } from "./FanChart.js";
import { PerMuBars } from "./PerMuBars.js";

export interface ChartsProps {
  result: SimulationResult;
  t: Translate;
}

export default function Charts({ result, t }: ChartsProps) {
  const subjects = fanSubjects(result);
  const [chosen, setChosen] = useState(subjects[0]?.name ?? "");
  const subject = subjects.some((s) => s.name === chosen) ? chosen : (subjects[0]?.name ?? "");
  const label = (name: string, kind: string) => (kind === "region" ? t("chart.region") : name);
  const bars = perMuBars(result);
  const shown = subjects.find((s) => s.name === subject);
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
        title={t("chart.fanTitle", { subject: shown ? label(shown.name, shown.kind) : subject })}
        legendLine={t("chart.legendLine")}
        legendBand={t("chart.legendBand")}
      />
      <PerMuBars bars={bars.bars} title={t("chart.barsTitle", { year: bars.year })} />
    </>
  );
}
