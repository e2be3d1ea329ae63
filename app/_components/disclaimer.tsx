export function Disclaimer() {
  return (
    <p className="disclaimer" role="note">
      <strong>Medical disclaimer.</strong> Unknot teaches general self-care information; it is not medical advice and does
      not replace a doctor, physiotherapist or pharmacist. If your pain is severe, lasts more than a few days, or comes with
      numbness, weakness, fever, or loss of bladder or bowel control, seek medical care.
    </p>
  );
}
