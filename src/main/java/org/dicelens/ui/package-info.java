/** The JavaFX face: views, view models and controls. Computes nothing itself. */
package org.dicelens.ui;
