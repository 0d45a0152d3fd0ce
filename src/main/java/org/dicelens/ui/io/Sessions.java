package org.dicelens.ui.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dicelens.common.InputException;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.render.ViewAxis;
import org.dicelens.ui.model.ViewerModel;

/** Captures the viewer's state into a {@link SessionFile.Session} and restores it (reloading the case's files). */
public final class Sessions {
    private Sessions() {
    }

    public static SessionFile.Session capture(ViewerModel vm, DisplayModel display) {
        LoadedCase lc = vm.current();
        ControlsModel c = vm.controls();
        List<SessionFile.ClassState> classes = new ArrayList<>();
        for (ClassControl cc : c.classes()) {
            classes.add(new SessionFile.ClassState(cc.label(), cc.nameProperty().get(), cc.argbProperty().get(),
                    cc.visibleProperty().get(), cc.opacityProperty().get()));
        }
        ViewAxis max = display.maximisedProperty().get();
        SessionFile.Display d = new SessionFile.Display(display.crosshair().voxel(), display.windowLowProperty().get(),
                display.windowHighProperty().get(), max == null ? null : max.name(), display.overlays().snapshot());
        return new SessionFile.Session(SessionFile.VERSION, SessionFile.toFiles(lc.files()), c.toSettings(), classes,
                c.selectedClassProperty().get(), vm.perSliceAxisProperty().get(), d,
                lc.region() >= 0 ? Integer.valueOf(lc.region()) : null);
    }

    public static void save(ViewerModel vm, DisplayModel display, Path target) throws InputException {
        LoadedCase lc = vm.current();
        if (lc == null) {
            throw new InputException(target, null, "no case is open: nothing to save");
        }
        SessionFile.write(capture(vm, display), target, lc.files().inputs());
    }

    /**
     * Reads a session and reopens its case in the background; when the case is in, every control and the display are
     * set as saved. A bad session file throws before anything changes.
     */
    public static void open(Path file, ViewerModel vm, DisplayModel display) throws InputException {
        open(file, vm, display, lc -> { });
    }

    /** As {@link #open(Path, ViewerModel, DisplayModel)}; {@code opened} runs once the case is in and restored. */
    public static void open(Path file, ViewerModel vm, DisplayModel display, Consumer<LoadedCase> opened)
            throws InputException {
        SessionFile.Session s = SessionFile.read(file);
        vm.open(SessionFile.fromFiles(s.files(), file), s.region() == null ? -1 : s.region(), lc -> {
            restore(s, vm, display);
            opened.accept(lc);
        });
    }

    /** Sets controls and display from a session onto the (just loaded) case. */
    public static void restore(SessionFile.Session s, ViewerModel vm, DisplayModel display) {
        ControlsModel c = vm.controls();
        List<ClassControl> cls = c.classes();
        if (s.classes() != null) {
            for (int i = 0; i < Math.min(cls.size(), s.classes().size()); i++) {
                SessionFile.ClassState st = s.classes().get(i);
                if (st.label() == cls.get(i).label()) {
                    cls.get(i).nameProperty().set(st.name());
                    cls.get(i).argbProperty().set(st.argb());
                    cls.get(i).visibleProperty().set(st.visible());
                    cls.get(i).opacityProperty().set(st.opacity() == null ? 1 : st.opacity()); // checked by read
                }
            }
        }
        c.apply(s.settings());
        c.selectedClassProperty().set(s.selectedClass());
        vm.perSliceAxisProperty().set(Math.max(0, Math.min(2, s.perSliceAxis())));
        SessionFile.Display d = s.display();
        if (d != null) {
            if (d.crosshair() != null && d.crosshair().length == 3) {
                display.crosshair().set(d.crosshair()[0], d.crosshair()[1], d.crosshair()[2]);
            }
            if (d.windowHigh() > d.windowLow()) {
                display.windowLowProperty().set(d.windowLow());
                display.windowHighProperty().set(d.windowHigh());
            }
            display.maximisedProperty().set(d.maximised() == null ? null : ViewAxis.valueOf(d.maximised()));
            display.overlays().restore(d.overlays());
        }
    }
}
