import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useState } from "react";
import { customerKey } from "../api/customer-queries";
import { messageOf, statusOf, trpc } from "../api/trpc";
import { checkPicture } from "../lib/picture-file";

/** Uploads a new picture for the customer through ingest.pictures (writer role). */
export function PictureUpload({ customerId }: { customerId: string }) {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const upload = useMutation({
    mutationFn: (picture: { dataBase64: string; contentType: string }) =>
      trpc.ingest.pictures.mutate({ rows: [{ customerInternalId: customerId, ...picture }] }),
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    },
    onError: (error) => {
      setProblem(
        statusOf(error) === 403
          ? "Your user may not change pictures: uploading needs the writer role."
          : messageOf(error),
      );
    },
  });

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    setProblem(null);
    setDone(false);
    if (!file) return;
    const early = checkPicture(file);
    if (!early.ok) {
      setProblem(early.message);
      return;
    }
    const checked = checkPicture(file, new Uint8Array(await file.arrayBuffer()));
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    upload.mutate({ dataBase64: checked.dataBase64, contentType: checked.contentType });
  }

  return (
    <div className="upload">
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        disabled={upload.isPending}
        onChange={(event) => void onChange(event)}
        aria-describedby={`${inputId}-hint`}
        data-testid="picture-input"
      />
      <label htmlFor={inputId} className="button secondary small" aria-disabled={upload.isPending}>
        {upload.isPending ? "Uploading…" : "Change picture"}
      </label>
      <p className="hint" id={`${inputId}-hint`}>
        PNG, JPEG or WebP, up to 1 MiB
      </p>
      <p className="upload-status" role="status" aria-live="polite">
        {problem ? <span className="error-text">{problem}</span> : done ? "Picture updated." : ""}
      </p>
    </div>
  );
}
