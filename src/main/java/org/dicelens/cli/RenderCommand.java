package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.Settings;
import org.dicelens.render.Colormap;
import org.dicelens.render.ViewAxis;
import org.dicelens.volume.Case;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code render}: one slice with overlays to a PNG, composed by the render package exactly as the viewer composes it. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a slice of a case with overlays to PNG, as the viewer draws it (no display needed).",
            "Overlays: reference (filled), reference-contour, probability, errors (TP green, FP red, FN blue), gradient, "
                + "hard (hard-mask contours), dice-optimal, region."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "1:internal error", "2:bad input or usage"})
public final class RenderCommand implements Callable<Integer> {
    static final List<String> OVERLAYS = List.of("reference", "reference-contour", "probability", "errors", "gradient", "hard",
            "dice-optimal", "region");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CaseOptions input = new CaseOptions();

    @Option(names = "--image", paramLabel = "IMG", description = "Scan drawn underneath (black when absent).")
    Path image;

    @Option(names = "--axis", paramLabel = "axial|coronal|sagittal", defaultValue = "axial",
            description = "View (radiological convention, from the affine) (default: ${DEFAULT-VALUE}).")
    String axis = "axial";

    @Option(names = "--slice", paramLabel = "K", description = "Slice index along the view's axis (default: the middle slice).")
    Integer slice;

    @Option(names = "--overlays", paramLabel = "NAME[,NAME…]", split = ",", defaultValue = "reference,hard",
            description = "Overlays to draw (default: ${DEFAULT-VALUE}); 'none' for the image alone.")
    List<String> overlays = new ArrayList<>(List.of("reference", "hard"));

    @Option(names = "--class", paramLabel = "LABEL",
            description = "Label value whose probability, errors, gradient and Dice-optimal contour are drawn "
                    + "(default: the first class that is not background).")
    Integer chosenLabel;

    @Option(names = "--zoom", paramLabel = "Z", defaultValue = "1",
            description = "Display pixels per voxel along the finest axis; voxels keep their physical aspect (default: ${DEFAULT-VALUE}).")
    double zoom = 1;

    @Option(names = "--window", paramLabel = "LOW,HIGH", description = "Image window (default: 0.5th–99.5th percentile).")
    String window;

    @Option(names = "--colormap", paramLabel = "viridis|hot|grey", defaultValue = "viridis",
            description = "Probability colormap (default: ${DEFAULT-VALUE}).")
    String colormap = "viridis";

    @Option(names = "--gradient-loss", paramLabel = "LOSS", defaultValue = "soft-dice",
            description = "Loss of the gradient overlay: soft-dice, squared-dice, gdl, tversky, focal-tversky, ce, wce "
                    + "(default: ${DEFAULT-VALUE}).")
    String gradientLoss = "soft-dice";

    @Option(names = "--gradient-wrt", paramLabel = "probability|logit", defaultValue = "probability",
            description = "Gradient with respect to p or to the logit z (default: ${DEFAULT-VALUE}).")
    String gradientWrt = "probability";

    @Option(names = "--gradient-scale", paramLabel = "S",
            description = "Fixed colour scale of the gradient overlay: |gradient| ≥ S is drawn at full colour (default: "
                    + "the 99th percentile of |gradient| over the evaluation region, the viewer's one scale for the "
                    + "volume; printed on stderr, so several renders can share it).")
    Double gradientScale;

    @Option(names = "--crosshair", paramLabel = "I,J,K", description = "Draw the crosshair through voxel I,J,K.")
    String crosshair;

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "PNG to write (atomically).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SliceComposer.Request req = request();
        CaseFiles in = input.inputs(image);
        AtomicOutput.checkNotInput(out, in.inputs());
        ProgressBar bar = ProgressBar.forErr(spec.commandLine().getErr(), quiet);
        Case c;
        try {
            c = Backend.load(in, bar);
        } finally {
            bar.finish();
        }
        Settings s = settings.toSettings(c.classes());
        SliceComposer.Picture pic = SliceComposer.compose(c, s, req);
        org.dicelens.render.PngWriter.write(out, pic.argb(), pic.width(), pic.height(), in.inputs());
        if (!quiet && req.has("gradient")) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT, "gradient scale %.6g (%s)",
                    pic.gradientScale(), gradientScale != null ? "fixed" : "99th percentile over the region"));
        }
        if (!quiet) {
            spec.commandLine().getErr().println("wrote " + out + " (" + pic.width() + "x" + pic.height() + ", " + req.view()
                    .name().toLowerCase(Locale.ROOT) + " slice " + pic.slice() + ")");
        }
        return 0;
    }

    /** Everything that can be checked before loading, so a typo fails at once. */
    SliceComposer.Request request() throws InputException {
        settings.validate();
        ViewAxis view;
        try {
            view = ViewAxis.parse(axis);
        } catch (IllegalArgumentException e) {
            throw SettingsOptions.bad("--axis", axis, "expected axial, coronal or sagittal");
        }
        List<String> on = new ArrayList<>();
        for (String o : overlays) {
            String n = o.trim().toLowerCase(Locale.ROOT);
            if (n.equals("none") || n.isEmpty()) {
                continue;
            }
            if (!OVERLAYS.contains(n)) {
                throw SettingsOptions.bad("--overlays", o, "unknown overlay (choose from " + String.join(", ", OVERLAYS) + ")");
            }
            on.add(n);
        }
        if (!(zoom > 0 && zoom <= 64)) {
            throw SettingsOptions.bad("--zoom", Double.toString(zoom), "must be in (0, 64]");
        }
        double[] win = null;
        if (window != null) {
            String[] parts = window.split(",");
            try {
                win = new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            } catch (RuntimeException e) {
                throw SettingsOptions.bad("--window", window, "expected LOW,HIGH");
            }
            if (parts.length != 2 || !(win[1] > win[0])) {
                throw SettingsOptions.bad("--window", window, "expected LOW,HIGH with HIGH > LOW");
            }
        }
        Colormap map;
        try {
            map = Colormap.byName(colormap);
        } catch (IllegalArgumentException e) {
            throw SettingsOptions.bad("--colormap", colormap, "expected viridis, hot or grey");
        }
        GradientLoss loss;
        try {
            loss = GradientLoss.valueOf(gradientLoss.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw SettingsOptions.bad("--gradient-loss", gradientLoss,
                    "expected soft-dice, squared-dice, gdl, tversky, focal-tversky, ce or wce");
        }
        GradientWrt wrt = switch (gradientWrt.trim().toLowerCase(Locale.ROOT)) {
            case "probability", "p" -> GradientWrt.PROBABILITY;
            case "logit", "z" -> GradientWrt.LOGIT;
            default -> throw SettingsOptions.bad("--gradient-wrt", gradientWrt, "expected probability or logit");
        };
        if (gradientScale != null && !(gradientScale > 0 && gradientScale < Double.POSITIVE_INFINITY)) {
            throw SettingsOptions.bad("--gradient-scale", Double.toString(gradientScale), "must be a positive number");
        }
        int[] cross = null;
        if (crosshair != null) {
            String[] parts = crosshair.split(",");
            try {
                cross = new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim())};
            } catch (RuntimeException e) {
                throw SettingsOptions.bad("--crosshair", crosshair, "expected I,J,K voxel indices");
            }
            if (parts.length != 3) {
                throw SettingsOptions.bad("--crosshair", crosshair, "expected I,J,K voxel indices");
            }
        }
        return new SliceComposer.Request(view, slice, on, chosenLabel, zoom, win, map, loss, wrt,
                gradientScale == null ? Double.NaN : gradientScale, cross);
    }
}
