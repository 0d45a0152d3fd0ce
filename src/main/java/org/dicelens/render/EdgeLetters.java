package org.dicelens.render;

/** The patient-direction letters (R/L, A/P, S/I) to print at each edge of a view. */
public record EdgeLetters(char left, char right, char top, char bottom) {
}
