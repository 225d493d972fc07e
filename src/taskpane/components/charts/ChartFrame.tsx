/**
 * What every chart of the pane shares: its caption, a visible tooltip for the point or bar under the
 * pointer or keyboard focus (beside the SVG <title> each point carries), and 导出图片 as PNG or SVG.
 * A chart draws its SVG through `children(tip)`; each point spreads `tip.point(key, x, y, lines)`.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactNode, type SVGProps } from "react";
import type { Translate } from "../../../i18n/index.js";
import { toPaneError, type PaneError } from "../../hooks/paneError.js";
import { ErrorBox } from "../ErrorBox.js";
import { exportChart, type ImageFormat } from "./exportImage.js";

/** The point under the pointer or focus: where (viewBox units) and what the tooltip says. */
interface Tip {
  key: string;
  x: number;
  y: number;
  lines: string[];
}

export interface ChartTip {
  /** The key of the point shown (a chart may highlight it). */
  active: string | null;
  /** Props of a focusable point: tab stop, label, pointer and focus handlers. Put a <title> inside too. */
  point(key: string, x: number, y: number, lines: string[]): SVGProps<SVGGElement>;
}

export interface ChartFrameProps {
  title: string;
  /** The viewBox size of the chart (the tooltip is placed in proportion). */
  width: number;
  height: number;
  /** Test id of the <svg>. */
  testId: string;
  /** File name of the export, without extension. */
  fileBase: string;
  t: Translate;
  children: (tip: ChartTip) => ReactNode;
}

const useStyles = makeStyles({
  figure: { margin: 0, minWidth: 0 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalXS, justifyContent: "space-between" },
  title: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`,
    overflowWrap: "anywhere",
  },
  export: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
  },
  plot: { position: "relative" },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  tooltip: {
    position: "absolute",
    pointerEvents: "none",
    zIndex: 1,
    maxWidth: "220px",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  tipLine: { display: "block" },
});

export function ChartFrame({ title, width, height, testId, fileBase, t, children }: ChartFrameProps) {
  const styles = useStyles();
  const svgRef = useRef<SVGSVGElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [busy, setBusy] = useState<ImageFormat | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const hide = (key: string) => setTip((now) => (now?.key === key ? null : now));
  const chartTip: ChartTip = {
    active: tip?.key ?? null,
    point: (key, x, y, lines) => ({
      tabIndex: 0,
      role: "img",
      "aria-label": lines.join("；"),
      onMouseEnter: () => setTip({ key, x, y, lines }),
      onMouseLeave: () => hide(key),
      onFocus: () => setTip({ key, x, y, lines }),
      onBlur: () => hide(key),
      style: { outline: "none", cursor: "default" },
    }),
  };
  const exportAs = async (format: ImageFormat) => {
    if (!svgRef.current) return;
    setBusy(format);
    setError(null);
    try {
      await exportChart(svgRef.current, title, fileBase, format);
    } catch (err) {
      setError(toPaneError(err, "chart.exportFailed"));
    } finally {
      setBusy(null);
    }
  };
  // Keep the tooltip inside the chart: anchored left, centred or right by where the point is.
  const fx = tip ? tip.x / width : 0;
  const shift = fx < 0.3 ? "0" : fx > 0.7 ? "-100%" : "-50%";
  return (
    <figure className={styles.figure} data-testid={`${testId}-figure`}>
      <div className={styles.head}>
        <figcaption className={styles.title}>{title}</figcaption>
        <span className={styles.export}>
          {t("chart.export")}
          {(["png", "svg"] as const).map((format) => (
            <Button
              key={format}
              size="small"
              appearance="subtle"
              disabled={busy !== null}
              aria-label={t("chart.exportAs", { format: format.toUpperCase(), title })}
              data-testid={`${testId}-export-${format}`}
              onClick={() => void exportAs(format)}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </span>
      </div>
      <div className={styles.plot}>
        <svg ref={svgRef} className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title} data-testid={testId}>
          {children(chartTip)}
        </svg>
        {tip && (
          <div
            className={styles.tooltip}
            role="tooltip"
            data-testid="chart-tooltip"
            style={{ left: `${fx * 100}%`, top: `${(tip.y / height) * 100}%`, transform: `translate(${shift}, 8px)` }}
          >
            {tip.lines.map((line, i) => (
              <span key={i} className={styles.tipLine}>
                {line}
              </span>
            ))}
          </div>
        )}
      </div>
      {error && <ErrorBox error={error} heading={t("chart.exportFailed")} />}
    </figure>
  );
}
