import { usePicture } from "../api/customer-queries";

interface AvatarProps {
  customerId: string;
  initials: string;
  fullName: string;
  size?: "large" | "small";
}

/** The customer's picture, or (while loading, without one, or when it fails) their initials. */
export function Avatar({ customerId, initials, fullName, size = "large" }: AvatarProps) {
  const picture = usePicture(customerId);
  const data = picture.data;
  if (data?.hasPicture) {
    return (
      <img
        className={`avatar avatar-${size}`}
        src={`data:${data.contentType};base64,${data.dataBase64}`}
        alt={fullName}
        data-has-picture="true"
      />
    );
  }
  return (
    <span
      className={`avatar avatar-${size} avatar-initials`}
      role="img"
      aria-label={`${fullName} (no picture)`}
    >
      {initials}
    </span>
  );
}
