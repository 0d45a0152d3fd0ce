package org.dicelens.ui.model;

/** Something to tell the user in a dialog: what failed (naming the file) and why. */
public record Problem(String title, String message) {
}
