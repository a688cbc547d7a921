// The quarter's figures as a PNG card for Telegram and Instagram.
export { SocialCard } from './SocialCard';
