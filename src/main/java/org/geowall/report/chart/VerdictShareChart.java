package org.geowall.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geowall.report.VerdictSummary;
import org.geowall.verdict.Verdict;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The share of each verdict per vantage as a horizontal stacked bar chart: one bar per vantage,
 * summing to 100 %, written as PNG and SVG. JFreeSVG writes every label as XML-escaped
 * {@code <text>} content, so a vantage name cannot add markup to the SVG.
 */
public final class VerdictShareChart {

    /** The chart's file names in a run folder. */
    public static final String PNG_FILE = "summary-chart.png";
    public static final String SVG_FILE = "summary-chart.svg";

    private static final int WIDTH = 960;
    private static final int HEIGHT_PER_VANTAGE = 56;
    private static final int HEIGHT_BASE = 190;

    private final JFreeChart chart;
    private final int height;

    private VerdictShareChart(JFreeChart chart, int vantageCount) {
        this.chart = chart;
        this.height = HEIGHT_BASE + HEIGHT_PER_VANTAGE * Math.max(1, vantageCount);
    }

    /** Builds the chart of a summary; a vantage label carries its number of loads, as in {@code US (n=80)}. */
    public static VerdictShareChart of(VerdictSummary summary, String title) {
        DefaultCategoryDataset dataset = shares(summary);
        JFreeChart chart = ChartFactory.createStackedBarChart(title, "vantage", "share of loads (%)", dataset,
                PlotOrientation.HORIZONTAL, true, false, false);
        style(chart, dataset);
        return new VerdictShareChart(chart, summary.countsByVantage().size());
    }

    static DefaultCategoryDataset shares(VerdictSummary summary) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<Verdict> seen = summary.verdictsSeen();
        for (Map.Entry<String, Map<Verdict, Integer>> row : summary.countsByVantage().entrySet()) {
            int total = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
            String label = row.getKey() + " (n=" + total + ")";
            for (Verdict verdict : seen) {
                int count = row.getValue().getOrDefault(verdict, 0);
                dataset.addValue(total == 0 ? 0.0 : 100.0 * count / total, verdict.id(), label);
            }
        }
        return dataset;
    }

    private static void style(JFreeChart chart, DefaultCategoryDataset dataset) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);

        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.6);
        for (int row = 0; row < dataset.getRowCount(); row++) {
            Verdict verdict = Verdict.fromId((String) dataset.getRowKey(row));
            renderer.setSeriesPaint(row, VerdictColors.of(verdict));
        }
    }

    /** Writes the chart as PNG. */
    public void writePng(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, height);
        }
    }

    /**
     * Returns the chart as a standalone SVG document. It has no DOCTYPE, unlike JFreeSVG's
     * {@code getSVGDocument()}, so that no XML parser goes to the network for the SVG 1.0 DTD.
     */
    public String toSvg() {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, height);
        chart.draw(graphics, new Rectangle(WIDTH, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + graphics.getSVGElement() + "\n";
    }

    /** Writes the chart as SVG. */
    public void writeSvg(Path file) throws IOException {
        Files.writeString(file, toSvg(), StandardCharsets.UTF_8);
    }

    /** Writes {@link #PNG_FILE} and {@link #SVG_FILE} into a folder. */
    public void writeBoth(Path folder) throws IOException {
        writePng(folder.resolve(PNG_FILE));
        writeSvg(folder.resolve(SVG_FILE));
    }
}
