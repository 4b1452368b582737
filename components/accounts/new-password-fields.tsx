/** "New password" twice, for choosing one after a one-time password or a reset link. */
export function NewPasswordFields() {
  return (
    <>
      <label className="field">
        <span>New password</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          aria-describedby="new-password-hint"
        />
        <small id="new-password-hint" className="field__hint">
          At least 10 characters. A short sentence is easy to remember and hard to guess.
        </small>
      </label>
      <label className="field">
        <span>New password again</span>
        <input name="passwordAgain" type="password" autoComplete="new-password" required />
      </label>
    </>
  );
}
