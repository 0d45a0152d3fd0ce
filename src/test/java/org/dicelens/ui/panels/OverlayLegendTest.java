package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 19, item 7: a key for every visible overlay, in the renderer's colours, and real help for the overlays. */
@ExtendWith(ApplicationExtension.class)
class OverlayLegendTest {
    private final DisplayModel display = new DisplayModel();
    private OverlayPanel panel;

    @Start
    void start(Stage stage) {
        panel = new OverlayPanel(display);
        stage.setScene(new Scene(panel, 320, 500));
        stage.show();
    }

    @Test
    void theKeyShowsExactlyTheVisibleOverlays() throws Exception {
        for (Layer l : Layer.values()) {
            WaitForAsyncUtils.waitForAsyncFx(5000, () -> display.overlays().layer(l).enabled.set(false));
            assertFalse(panel.legend().row(l).isVisible(), l + " off: no key");
            WaitForAsyncUtils.waitForAsyncFx(5000, () -> display.overlays().layer(l).enabled.set(true));
            assertTrue(panel.legend().row(l).isVisible(), l + " on: its key");
        }
    }

    @Test
    void theErrorKeyUsesTheRenderersColours() {
        List<Color> fills = panel.legend().row(Layer.ERRORS).getChildren().stream()
                .filter(n -> n instanceof Rectangle).map(n -> (Color) ((Rectangle) n).getFill()).toList();
        // Okabe-Ito bluish green, vermillion, sky blue (the palette's published values)
        assertEquals(List.of(Color.rgb(0, 158, 115), Color.rgb(213, 94, 0), Color.rgb(86, 180, 233)), fills);
        List<String> words = panel.legend().row(Layer.ERRORS).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("TP", "FP", "FN"), words);
    }

    @Test
    void theOverlayHelpExplainsEachOverlayNotNavigation() {
        for (Layer l : Layer.values()) {
            String word = switch (l) {
                case REFERENCE -> "Reference:";
                case PROBABILITY -> "Probability:";
                case HARD -> "Hard mask:";
                case ERRORS -> "Errors:";
                case GRADIENT -> "Loss gradient:";
                case DICE_OPTIMAL -> "Dice-optimal:";
                case REGION -> "Evaluation region:";
                case AGREEMENT -> "Rater agreement";
                case CONSENSUS -> "Consensus / dissensus:";
                case LESIONS -> "Lesions:";
                case BOUNDARY_DISTANCE -> "Boundary distance:";
            };
            assertTrue(HelpText.OVERLAYS.contains(word), l + " explained");
        }
        assertFalse(HelpText.OVERLAYS.equals(HelpText.VIEWS));
    }
}
