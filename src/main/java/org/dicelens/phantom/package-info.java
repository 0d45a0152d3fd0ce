/**
 * Phantoms with known uncertainty, in plain Java: the generator's brain and lesion cases, cases on a tissue template,
 * the lab's synthetic lesions and the files they are written as. No ND4J, no JavaFX; never depends on {@code lab}.
 */
package org.dicelens.phantom;
