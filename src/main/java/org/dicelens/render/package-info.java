/** Slice extraction, colormaps and overlay compositing to ARGB ints, PNG writing. No JavaFX. */
package org.dicelens.render;
