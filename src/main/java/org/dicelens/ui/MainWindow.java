package org.dicelens.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dicelens.ui.charts.CalibrationCharts;
import org.dicelens.ui.charts.PerSliceStrip;
import org.dicelens.ui.charts.ThresholdCharts;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.model.VoxelReadout;
import org.dicelens.ui.panels.ClassesPanel;
import org.dicelens.ui.panels.Collapsible;
import org.dicelens.ui.panels.FormulaStrip;
import org.dicelens.ui.panels.Help;
import org.dicelens.ui.panels.HelpText;
import org.dicelens.ui.panels.ImbalancePanel;
import org.dicelens.ui.panels.LossesPanel;
import org.dicelens.ui.panels.MetricsTablePanel;
import org.dicelens.ui.panels.OverlayPanel;
import org.dicelens.ui.panels.StatusBar;
import org.dicelens.ui.panels.VolumeBiasPanel;
import org.dicelens.ui.panels.WeightsPanel;
import org.dicelens.ui.panels.spatial.BoundaryLesionPanel;
import org.dicelens.ui.slices.SliceGrid;

/**
 * The window's layout: menu bar; left, the classes and overlays; centre, the tri-planar grid (fourth cell: threshold
 * charts) over the per-slice strip; right, the metrics table over tabs for volume bias, weights, losses and
 * calibration; left also the class-imbalance control; bottom, the formula strip and the status line. Files dropped anywhere are opened.
 */
public final class MainWindow extends BorderPane {
    private final ViewerModel vm;
    private final DisplayModel display;
    private final FileActions files;
    private final SliceGrid grid;
    private final StatusBar status;
    private final MetricsTablePanel metricsTable;
    private final WeightsPanel weights;
    private final VolumeBiasPanel volumeBias;
    private final ImbalancePanel imbalance;
    private final TabPane tabs = new TabPane();
    private final org.dicelens.ui.cohort.CohortView cohort;

    public MainWindow(ViewerModel vm, DisplayModel display, RecentFiles recent, Window owner, Runnable sampleCase,
            Runnable phantomCase, Runnable quit) {
        this.vm = vm;
        this.display = display;
        getStyleClass().add("main-window");
        files = new FileActions(vm, display, recent, owner);

        ClassesPanel classes = new ClassesPanel(vm);
        OverlayPanel overlays = new OverlayPanel(display);
        imbalance = new ImbalancePanel(vm);
        // collapsible sections in a scroll pane: the class list keeps room for its rows (ClassesPanel's minimum) and
        // closing a section gives its space to the others; on a short screen the column scrolls instead of squeezing
        VBox column = new VBox(2, Collapsible.of(classes, true), Collapsible.of(overlays, true),
                Collapsible.of(new org.dicelens.ui.panels.RatersPanel(vm, display), true),
                Collapsible.of(imbalance, true));
        column.setId("leftColumn");
        VBox.setVgrow(column.getChildren().get(0), Priority.ALWAYS);
        for (int i = 1; i < column.getChildren().size(); i++) {
            // below the class list nothing is squeezed: the column scrolls first
            ((javafx.scene.layout.Region) column.getChildren().get(i)).setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        ScrollPane left = org.dicelens.ui.panels.LiveScroll.of(column);
        left.setFitToWidth(true);
        left.setFitToHeight(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().addAll("edge-to-edge", "panel");
        left.setPrefWidth(300);
        left.setMinWidth(240);

        ThresholdCharts thresholdCharts = new ThresholdCharts(vm);
        VBox fourth = new VBox(Help.header("Threshold", HelpText.CHARTS), thresholdCharts);
        VBox.setVgrow(thresholdCharts, Priority.ALWAYS);
        fourth.getStyleClass().add("panel");
        grid = new SliceGrid(vm, display, fourth);
        PerSliceStrip strip = new PerSliceStrip(vm, display.crosshair());
        javafx.scene.control.ChoiceBox<org.dicelens.render.ViewAxis> axis = strip.viewChoice();
        javafx.scene.layout.HBox stripHeader = Help.header("Per slice", HelpText.PER_SLICE);
        stripHeader.getChildren().add(1, axis);
        VBox stripBox = new VBox(stripHeader, strip);
        VBox.setVgrow(strip, Priority.ALWAYS);
        stripBox.getStyleClass().add("panel");
        SplitPane centre = new SplitPane(grid, stripBox);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.82);

        metricsTable = new MetricsTablePanel(vm);
        weights = new WeightsPanel(vm);
        CalibrationCharts calibration = new CalibrationCharts(vm);
        VBox calibrationBox = Help.panel("Calibration", HelpText.CALIBRATION, calibration);
        volumeBias = new VolumeBiasPanel(vm);
        BoundaryLesionPanel spatial = new BoundaryLesionPanel(vm, display.crosshair());
        Tab spatialTab = tab("Boundary & lesions", spatial);
        spatial.startWhenSelected(spatialTab);
        tabs.getTabs().addAll(tab("Volume bias", volumeBias), tab("Class weights", weights),
                spatialTab,
                tab("Losses", new LossesPanel(vm)), tab("Calibration", calibrationBox),
                org.dicelens.ui.lab.LabPanel.tab(vm));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SelectedTabOnly.apply(tabs);
        SplitPane right = new SplitPane(metricsTable, tabs);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.27);
        right.setPrefWidth(640);

        SplitPane main = new SplitPane(Clips.toBox(left), Clips.toBox(centre), Clips.toBox(right));
        // the metrics table's eleven columns fit without scrolling sideways from a 1600-pixel window up
        main.setDividerPositions(0.17, 0.575);
        SplitPane.setResizableWithParent(left, false);

        status = new StatusBar(vm);
        grid.setOnHover(v -> {
            LoadedCase lc = vm.current();
            status.setReadout(v == null || lc == null ? "" : VoxelReadout.describe(lc.data(), v[0], v[1], v[2]));
        });
        files.setPngExporter(new FileActions.PngExporter() {
            @Override
            public int[] size(int k) {
                return grid.exportSize(k);
            }

            @Override
            public void export(Path target, int k) throws org.dicelens.common.InputException {
                grid.exportPng(target, 0, k);
            }
        });
        setTop(AppMenu.build(files, recent, display, sampleCase, phantomCase, quit));
        setCenter(main);
        cohort = new org.dicelens.ui.cohort.CohortView(vm, this, main, owner);
        AppMenu.addOpenCohort((javafx.scene.control.MenuBar) getTop(), cohort::choose);
        AppMenu.openSampleCohortWith((javafx.scene.control.MenuBar) getTop(), cohort::openSample);
        setBottom(Clips.toBox(new VBox(new FormulaStrip(vm), status)));
        Clips.toBox(this);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<Path> dropped = e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList();
            e.setDropCompleted(!dropped.isEmpty());
            e.consume();
            if (!dropped.isEmpty()) {
                javafx.application.Platform.runLater(() -> files.drop(dropped));
            }
        });
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        ScrollPane s = org.dicelens.ui.panels.LiveScroll.of(content);
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        s.getStyleClass().add("edge-to-edge");
        return new Tab(title, s);
    }

    /** The cohort view (File ▸ Open cohort); it swaps this window's centre between the cohort and the case views. */
    public org.dicelens.ui.cohort.CohortView cohort() {
        return cohort;
    }

    public FileActions files() {
        return files;
    }

    public SliceGrid grid() {
        return grid;
    }

    public TabPane tabs() {
        return tabs;
    }

    public MetricsTablePanel metricsTable() {
        return metricsTable;
    }

    public WeightsPanel weights() {
        return weights;
    }

    public VolumeBiasPanel volumeBias() {
        return volumeBias;
    }

    public ImbalancePanel imbalance() {
        return imbalance;
    }

    public DisplayModel display() {
        return display;
    }
}
