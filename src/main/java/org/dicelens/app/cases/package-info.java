/**
 * The one case model under both faces: what a case is made of ({@link org.dicelens.app.cases.CaseFiles}, a
 * {@link org.dicelens.app.cases.CaseSource}), how a folder's files get their roles, and how a case is opened
 * ({@link org.dicelens.app.cases.CaseOpener}). No JavaFX, no picocli.
 */
package org.dicelens.app.cases;
